import type { Role } from './db/schema';
import type { Actor } from './services/audit';

/** Who is calling: a browser session (a user) or an API token (one org, one role). */
export type Principal =
  | { kind: 'session'; userId: string; actor: string }
  | { kind: 'token'; tokenId: string; orgId: string; role: Role; actor: string };

/** The org an org-scoped request addresses, with the caller's role in it. */
export interface OrgScope {
  id: string;
  slug: string;
  name: string;
  /** IANA zone whose local Monday 00:00 starts the org's weeks. */
  timeZone: string;
  role: Role;
  /**
   * The org's model revision when the request began (read with the org, so that a cached report
   * costs no query of its own; see ForecastMemo).
   */
  revision: number;
}

/** Hono environment of the API: variables set by the auth and org middleware. */
export interface ApiEnv {
  Variables: { principal: Principal; org: OrgScope };
}

/** The audit actor for a principal. */
export const actorOf = (p: Principal): Actor => ({
  id: p.kind === 'token' ? p.tokenId : p.userId,
  label: p.actor,
});
