import { request } from './client';
import type { Me, Page, Role } from './types';

/** A member of the org (GET /orgs/{org}/users). */
export interface Member {
  id: string;
  email: string;
  name: string;
  role: Role;
  active: boolean;
}

/** A pending invitation; `path` only in the answer that created it. */
export interface Invitation {
  id: string;
  email: string;
  role: Role;
  createdAt: string;
  expiresAt: string;
  path?: string;
}

/** What an invitation link offers (public). */
export interface InvitationOffer {
  org: { slug: string; name: string };
  email: string;
  role: Role;
  expiresAt: string;
  hasAccount: boolean;
}

/** An API token as listed; `token` (the secret) only in the answer that created it. */
export interface ApiToken {
  id: string;
  name: string;
  role: Role;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  expiresAt: string | null;
  token?: string;
}

const org = (slug: string) => `/orgs/${encodeURIComponent(slug)}`;
const one = (id: string) => encodeURIComponent(id);

/** Follows `nextCursor` until the list is complete. */
export async function allPages<T>(path: string): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  const join = path.includes('?') ? '&' : '?';
  do {
    const query: string = cursor
      ? `${join}limit=200&cursor=${encodeURIComponent(cursor)}`
      : `${join}limit=200`;
    const page: Page<T> = await request<Page<T>>('GET', path + query);
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

/** Users, invitations and API tokens of an org (admins). */
export const adminApi = {
  members: (slug: string) => allPages<Member>(`${org(slug)}/users`),
  updateMember: (slug: string, id: string, patch: { role?: Role; active?: boolean }) =>
    request<Member>('PATCH', `${org(slug)}/users/${one(id)}`, { body: patch }),
  invitations: (slug: string) => allPages<Invitation>(`${org(slug)}/invitations`),
  invite: (slug: string, input: { email: string; role: Role; expiresInHours: number }) =>
    request<Invitation & { path: string }>('POST', `${org(slug)}/invitations`, { body: input }),
  withdraw: (slug: string, id: string) => request<void>('DELETE', `${org(slug)}/invitations/${one(id)}`),
  offer: (secret: string) => request<InvitationOffer>('GET', `/invitations/${one(secret)}`),
  accept: (secret: string, input: { name?: string; password: string }) =>
    request<Me>('POST', `/invitations/${one(secret)}/accept`, { body: input }),
  tokens: (slug: string) => allPages<ApiToken>(`${org(slug)}/tokens`),
  createToken: (slug: string, input: { name: string; role: Role; expiresAt?: string }) =>
    request<ApiToken & { token: string }>('POST', `${org(slug)}/tokens`, { body: input }),
  revokeToken: (slug: string, id: string) => request<void>('DELETE', `${org(slug)}/tokens/${one(id)}`),
};
