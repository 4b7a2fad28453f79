import { createMemo, createSignal } from 'solid-js';
import { defaultTimeZone } from '../../shared';
import { ApiError } from '../api/api-error';
import { api } from '../api/client';
import type { Me, Role } from '../api/types';

export type SessionStatus = 'loading' | 'signed-out' | 'signed-in' | 'error';

/** Who is signed in, to which org, with which role; sign in and out. */
export function createSessionStore() {
  const [status, setStatus] = createSignal<SessionStatus>('loading');
  const [me, setMe] = createSignal<Me | null>(null);
  const [error, setError] = createSignal<unknown>(null);
  const membership = createMemo(() => me()?.memberships[0] ?? null);
  const role = createMemo<Role | null>(() => membership()?.role ?? null);

  const accept = (value: Me) => {
    setMe(value);
    setStatus('signed-in');
  };

  const actions = {
    async refresh() {
      if (!api.hasSession()) {
        setStatus('signed-out');
        return;
      }
      setStatus('loading');
      try {
        accept(await api.me());
      } catch (caught) {
        setMe(null);
        if (caught instanceof ApiError && caught.status === 401) setStatus('signed-out');
        else {
          setError(caught);
          setStatus('error');
        }
      }
    },
    async signIn(email: string, password: string) {
      accept(await api.login(email, password));
    },
    /** Admins: stores the org's time zone; pages that start forecasts read it from here. */
    async setOrgTimeZone(timeZone: string) {
      const slug = membership()?.org.slug;
      if (!slug) return;
      const saved = await api.setOrgTimeZone(slug, timeZone);
      setMe((current) =>
        current
          ? {
              ...current,
              memberships: current.memberships.map((m) =>
                m.org.slug === slug ? { ...m, org: { ...m.org, timeZone: saved.timeZone } } : m,
              ),
            }
          : current,
      );
    },
    async signOut() {
      await api.logout();
      setMe(null);
      setStatus('signed-out');
    },
  };

  const state = {
    status,
    me,
    error,
    role,
    orgSlug: () => membership()?.org.slug ?? null,
    orgName: () => membership()?.org.name ?? null,
    /** The org's zone: its weeks start at the local Monday 00:00 there. */
    orgTimeZone: () => membership()?.org.timeZone ?? defaultTimeZone,
    /** Planners and admins may change teams and scenarios; viewers only read. */
    canEdit: () => role() === 'planner' || role() === 'admin',
  };
  return [state, actions] as const;
}

export type SessionStore = ReturnType<typeof createSessionStore>;
