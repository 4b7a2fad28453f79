import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { randomSecret } from '../auth/secrets';
import type { AppDeps } from '../deps';
import { csrfCookie, sessionCookie } from '../middleware/authenticate';
import { isHttps } from '../proxy';
import { createSession, deleteSession, sessionAbsoluteMs } from '../services/sessions';

/** Starts a browser session for `userId`: ends any previous one, sets the rl_session and rl_csrf cookies. */
export async function startBrowserSession(c: Context, deps: AppDeps, userId: string): Promise<void> {
  const previous = getCookie(c, sessionCookie);
  if (previous) await deleteSession(deps.db, previous);
  const sessionId = await createSession(deps.db, userId, deps.clock());
  const cookie = {
    path: '/',
    sameSite: 'Lax',
    secure: isHttps(c, deps.config.trustProxy),
    maxAge: sessionAbsoluteMs / 1000,
  } as const;
  setCookie(c, sessionCookie, sessionId, { ...cookie, httpOnly: true });
  setCookie(c, csrfCookie, randomSecret(24), cookie);
}
