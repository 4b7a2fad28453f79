import { createRoute, z } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import { deleteCookie, getCookie } from 'hono/cookie';
import { meSchema } from '../../shared/contract/people';
import { unusablePasswordHash, verifyPassword } from '../auth/passwords';
import { users } from '../db/schema';
import type { AppDeps } from '../deps';
import { ProblemError } from '../errors';
import { authenticate, csrfCookie, sessionCookie } from '../middleware/authenticate';
import { createRouter } from '../openapi';
import { deleteSession } from '../services/sessions';
import { loadMe } from '../services/users';
import { errorResponses, jsonBody, jsonResponse, security } from './route';
import { startBrowserSession } from './session-cookies';

const loginSchema = z.strictObject({
  email: z.string().min(3).max(320),
  password: z.string().min(1).max(1024),
});

const login = createRoute({
  method: 'post',
  path: '/auth/login',
  tags: ['auth'],
  summary: 'Sign in; sets the rl_session and rl_csrf cookies (rotating any previous session)',
  request: { body: jsonBody(loginSchema) },
  responses: { 200: jsonResponse('Signed in', meSchema), 401: errorResponses[401], 422: errorResponses[422] },
});

const logout = createRoute({
  method: 'post',
  path: '/auth/logout',
  tags: ['auth'],
  summary: 'Sign out (ends the session, clears the cookies)',
  security: [{ cookie: [] }],
  responses: { 204: { description: 'Signed out' }, 401: errorResponses[401], 403: errorResponses[403] },
});

const me = createRoute({
  method: 'get',
  path: '/auth/me',
  tags: ['auth'],
  summary: 'The caller and their orgs (for an API token: user null, its one org and role)',
  security,
  responses: { 200: jsonResponse('The caller', meSchema), 401: errorResponses[401] },
});

/** `/auth/*`: login (public), logout and me (authenticated). */
export function authRoutes(deps: AppDeps) {
  const router = createRouter();
  router.openapi(login, async (c) => {
    const { email, password } = c.req.valid('json');
    const user = await deps.db.select().from(users).where(eq(users.email, email.toLowerCase())).get();
    const valid = await verifyPassword(password, user?.passwordHash ?? unusablePasswordHash);
    if (!user || !valid) throw new ProblemError(401, 'Unauthorized', 'Wrong email or password.');
    await startBrowserSession(c, deps, user.id);
    const body = await loadMe(deps.db, user.id);
    return c.json(body!, 200);
  });
  router.use('/auth/logout', authenticate(deps));
  router.openapi(logout, async (c) => {
    const sessionId = getCookie(c, sessionCookie);
    if (sessionId) await deleteSession(deps.db, sessionId);
    deleteCookie(c, sessionCookie, { path: '/' });
    deleteCookie(c, csrfCookie, { path: '/' });
    return c.body(null, 204);
  });
  router.use('/auth/me', authenticate(deps));
  router.openapi(me, async (c) => {
    const principal = c.get('principal');
    if (principal.kind === 'session') {
      const body = await loadMe(deps.db, principal.userId);
      if (!body) throw new ProblemError(401, 'Unauthorized', 'The account no longer exists.');
      return c.json(body, 200);
    }
    const org = await deps.db.query.orgs.findFirst({ where: (o, { eq: is }) => is(o.id, principal.orgId) });
    const memberships = org
      ? [{ org: { slug: org.slug, name: org.name, timeZone: org.timeZone }, role: principal.role }]
      : [];
    return c.json({ user: null, memberships }, 200);
  });
  return router;
}
