import type { Role } from './db/schema';
import type { Actor } from './services/audit';
import type { ResponseBytes } from './services/response-bytes';

/** Who is calling: a browser session (a user) or an API token (one org, one role). */
export type Principal =
  | { kind: 'session'; userId: string; actor: string }
  | {
      kind: 'token';
      tokenId: string;
      orgId: string;
      role: Role;
      actor: string;
      /** Until when (epoch ms) the token's answer holds unless its row is written (its expiry, or its next last-used write). */
      heldUntil: number;
    };

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

/**
 * What a GET route marks as reusable (`c.set('reusable', ...)`; see reusedResponses): the bytes
 * it answered from and until when (epoch ms) they hold while the database stays as it is, such
 * as the end of the org's week for a forecast that starts this week.
 */
export interface Reusable {
  bytes: ResponseBytes;
  contentType: string;
  heldUntil: number;
}

/** Hono environment of the API: variables set by the auth and org middleware. */
export interface ApiEnv {
  Variables: {
    principal: Principal;
    org: OrgScope;
    /** Set by a GET route whose answer may be given again from memory (see reusedResponses). */
    reusable?: Reusable;
  };
}

/** The audit actor for a principal. */
export const actorOf = (p: Principal): Actor => ({
  id: p.kind === 'token' ? p.tokenId : p.userId,
  label: p.actor,
});
