import type {
  ApiToken,
  Invitation,
  InvitationOffer,
  Me,
  Member,
  NewApiToken,
  NewInvitation,
  Role,
} from '../../shared/contract/people';
import { request } from './client';
import type { Page } from './types';

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
    request<NewInvitation>('POST', `${org(slug)}/invitations`, { body: input }),
  withdraw: (slug: string, id: string) => request<void>('DELETE', `${org(slug)}/invitations/${one(id)}`),
  offer: (secret: string) => request<InvitationOffer>('GET', `/invitations/${one(secret)}`),
  accept: (secret: string, input: { name?: string; password: string }) =>
    request<Me>('POST', `/invitations/${one(secret)}/accept`, { body: input }),
  tokens: (slug: string) => allPages<ApiToken>(`${org(slug)}/tokens`),
  createToken: (slug: string, input: { name: string; role: Role; expiresAt?: string }) =>
    request<NewApiToken>('POST', `${org(slug)}/tokens`, { body: input }),
  revokeToken: (slug: string, id: string) => request<void>('DELETE', `${org(slug)}/tokens/${one(id)}`),
};
