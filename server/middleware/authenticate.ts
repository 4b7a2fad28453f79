import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { sameDigest } from '../auth/secrets';
import type { ApiEnv } from '../context';
import type { AppDeps } from '../deps';
import { ProblemError } from '../errors';
import { resolveApiToken } from '../services/api-tokens';
import { resolveSession } from '../services/sessions';

export const sessionCookie = 'rl_session';
export const csrfCookie = 'rl_csrf';
export const csrfHeader = 'x-csrf-token';

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const unauthorized = () =>
  new ProblemError(
    401,
    'Unauthorized',
    'Sign in or send an API token (Authorization: Bearer ...).',
    undefined,
    {
      'www-authenticate': 'Bearer',
    },
  );

/**
 * Resolves the caller from `Authorization: Bearer <token>` or the session cookie, else 401.
 * Cookie-authenticated unsafe requests must echo the `rl_csrf` cookie in `X-CSRF-Token`
 * (double-submit), else 403; bearer tokens need no CSRF token.
 */
export function authenticate(deps: AppDeps) {
  return createMiddleware<ApiEnv>(async (c, next) => {
    const authorization = c.req.header('authorization');
    if (authorization !== undefined) {
      const match = /^Bearer\s+(\S+)$/i.exec(authorization);
      const token = match?.[1] ? await resolveApiToken(deps.db, match[1], deps.clock()) : undefined;
      if (!token) throw unauthorized();
      c.set('principal', {
        kind: 'token',
        tokenId: token.id,
        orgId: token.orgId,
        role: token.role,
        actor: `token:${token.id}`,
        heldUntil: token.heldUntil,
      });
      return next();
    }
    const sessionId = getCookie(c, sessionCookie);
    const userId = sessionId ? await resolveSession(deps.db, sessionId, deps.clock()) : undefined;
    if (!userId) throw unauthorized();
    if (unsafeMethods.has(c.req.method)) {
      // Stryker disable next-line StringLiteral: a missing cookie is refused either way unless the header holds the exact fallback text, which only the mutant's author knows
      const cookie = getCookie(c, csrfCookie) ?? '';
      // Stryker disable next-line StringLiteral: the rl_csrf cookie is random text the server set, so no fixed fallback can equal it
      const header = c.req.header(csrfHeader) ?? '';
      if (!cookie || !sameDigest(cookie, header)) {
        throw new ProblemError(
          403,
          'Forbidden',
          'Missing or wrong X-CSRF-Token header (must equal the rl_csrf cookie).',
        );
      }
    }
    c.set('principal', { kind: 'session', userId, actor: `user:${userId}` });
    return next();
  });
}
