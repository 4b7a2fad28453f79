import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTokens, auditLog, memberships, users } from '../../server/db/schema';
import { bearer, createOrgFixture, login, type OrgFixture, sendJson } from '../helpers/api-fixture';
import { type AppServer, startAppServer } from '../helpers/app-server';

let server: AppServer;
let acme: OrgFixture;
let globex: OrgFixture;
const api = (path: string) => `${server.url}/api/v1${path}`;

beforeAll(async () => {
  server = await startAppServer();
  acme = await createOrgFixture(server.database.db, 'acme');
  globex = await createOrgFixture(server.database.db, 'globex');
});
afterAll(async () => {
  await server.close();
});

/** Status and problem detail of a request. */
async function answer(response: Response) {
  const body = (await response.json()) as { detail?: string };
  return { status: response.status, detail: body.detail };
}

const noSuchOrg = { status: 404, detail: 'No such org.' };

describe('org scope', () => {
  it('answers an unknown org, another org’s token and a non-member’s session alike: 404 No such org.', async () => {
    expect(
      await answer(await fetch(api('/orgs/initech/teams'), { headers: bearer(acme.tokens.admin) })),
    ).toEqual(noSuchOrg);
    expect(
      await answer(await fetch(api('/orgs/acme/teams'), { headers: bearer(globex.tokens.admin) })),
    ).toEqual(noSuchOrg);
    const outsider = await login(server.url, globex.emails.admin);
    expect(
      await answer(await fetch(api('/orgs/acme/teams'), { headers: { cookie: outsider.cookie } })),
    ).toEqual(noSuchOrg);
    expect((await fetch(api('/orgs/globex/teams'), { headers: { cookie: outsider.cookie } })).status).toBe(
      200,
    );
  });

  it('answers 404 to a member whose membership was deactivated', async () => {
    const session = await login(server.url, acme.emails.planner);
    expect((await fetch(api('/orgs/acme/teams'), { headers: { cookie: session.cookie } })).status).toBe(200);
    const user = await server.database.db
      .select()
      .from(users)
      .where(eq(users.email, acme.emails.planner))
      .get();
    await server.database.db
      .update(memberships)
      .set({ deactivatedAt: new Date() })
      .where(and(eq(memberships.userId, user!.id), eq(memberships.orgId, acme.id)));
    expect(
      await answer(await fetch(api('/orgs/acme/teams'), { headers: { cookie: session.cookie } })),
    ).toEqual(noSuchOrg);
  });

  it('refuses an operation above the caller’s role with 403 naming the role it needs', async () => {
    const create = (token: string) => sendJson(api('/orgs/acme/scenarios'), 'POST', {}, bearer(token));
    const refused = await create(acme.tokens.viewer);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(await refused.clone().json()).toMatchObject({ title: 'Forbidden', status: 403 });
    expect(await answer(refused)).toEqual({
      status: 403,
      detail: 'This operation needs the planner role or higher.',
    });
    const settings = await fetch(api('/orgs/acme/tokens'), { headers: bearer(acme.tokens.planner) });
    expect(await answer(settings)).toEqual({
      status: 403,
      detail: 'This operation needs the admin role or higher.',
    });
    expect((await fetch(api('/orgs/acme/tokens'), { headers: bearer(acme.tokens.admin) })).status).toBe(200);
  });
});

describe('authentication', () => {
  it('answers no credentials, an unknown token and a non-Bearer scheme with 401 problem+json asking for Bearer', async () => {
    const expected = {
      status: 401,
      title: 'Unauthorized',
      detail: 'Sign in or send an API token (Authorization: Bearer ...).',
      challenge: 'Bearer',
    };
    for (const headers of [{}, bearer('rl_unknown_token'), { authorization: `Basic ${acme.tokens.admin}` }]) {
      const response = await fetch(api('/orgs/acme/teams'), { headers });
      const body = (await response.json()) as { title?: string; detail?: string };
      expect({
        status: response.status,
        title: body.title,
        detail: body.detail,
        challenge: response.headers.get('www-authenticate'),
      }).toEqual(expected);
    }
  });

  it('takes "Bearer", in any letter case and after any run of spaces, followed by the token and nothing else', async () => {
    const status = async (authorization: string) =>
      (await fetch(api('/orgs/acme/teams'), { headers: { authorization } })).status;
    const token = acme.tokens.viewer;
    expect(await status(`bEaReR ${token}`)).toBe(200);
    expect(await status(`Bearer   ${token}`)).toBe(200);
    expect(await status(`Token Bearer ${token}`)).toBe(401);
    expect(await status(`Bearer ${token} ${token}`)).toBe(401);
  });
});

describe('the actor of a write', () => {
  it('is token:<id> for an API token and user:<id> for a session, in the audit log', async () => {
    const db = server.database.db;
    const tokenRow = await db
      .select()
      .from(apiTokens)
      .where(and(eq(apiTokens.orgId, globex.id), eq(apiTokens.name, 'planner')))
      .get();
    const user = await db.select().from(users).where(eq(users.email, globex.emails.admin)).get();
    const byToken = await sendJson(
      api('/orgs/globex/teams'),
      'POST',
      { name: 'By token', headcount: {} },
      bearer(globex.tokens.planner),
    );
    const session = await login(server.url, globex.emails.admin);
    const bySession = await sendJson(
      api('/orgs/globex/teams'),
      'POST',
      { name: 'By session', headcount: {} },
      { cookie: session.cookie, 'x-csrf-token': session.csrf },
    );
    const actorOf = async (response: Response) => {
      const { id } = (await response.json()) as { id: string };
      return (await db.select().from(auditLog).where(eq(auditLog.entityId, id)).get())?.actor;
    };
    expect(await actorOf(byToken)).toBe(`token:${tokenRow!.id}`);
    expect(await actorOf(bySession)).toBe(`user:${user!.id}`);
  });
});

describe('CSRF double submit', () => {
  it('refuses a cookie-authenticated write without the rl_csrf cookie, whatever header it sends', async () => {
    const session = await login(server.url, globex.emails.planner);
    const sessionOnly = session.cookie
      .split('; ')
      .filter((pair) => pair.startsWith('rl_session='))
      .join('; ');
    const response = await sendJson(
      api('/orgs/globex/scenarios'),
      'POST',
      {},
      { cookie: sessionOnly, 'x-csrf-token': session.csrf },
    );
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({
      title: 'Forbidden',
      detail: 'Missing or wrong X-CSRF-Token header (must equal the rl_csrf cookie).',
    });
  });
});
