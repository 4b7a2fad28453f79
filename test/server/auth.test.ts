import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../server/auth/passwords';
import { bearer, createOrgFixture, login, type OrgFixture, sendJson } from '../helpers/api-fixture';
import { type AppServer, startAppServer } from '../helpers/app-server';

let server: AppServer;
let org: OrgFixture;
const api = (path: string) => `${server.url}/api/v1${path}`;

beforeAll(async () => {
  server = await startAppServer();
  org = await createOrgFixture(server.database.db, 'acme');
});
afterAll(async () => {
  await server.close();
});

describe('passwords', () => {
  it('verifies the right password and rejects a wrong one against an scrypt hash', async () => {
    const hash = await hashPassword('s3cret pass phrase');
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await verifyPassword('s3cret pass phrase', hash)).toBe(true);
    expect(await verifyPassword('s3cret pass phrasE', hash)).toBe(false);
  });
});

describe('POST /auth/login', () => {
  it('sets an HttpOnly SameSite=Lax session cookie and a readable CSRF cookie and answers Me', async () => {
    const response = await sendJson(api('/auth/login'), 'POST', {
      email: org.emails.planner,
      password: 'correct horse battery staple',
    });
    expect(response.status).toBe(200);
    const cookies = response.headers.getSetCookie();
    expect(cookies.find((c) => c.startsWith('rl_session='))).toMatch(/HttpOnly/);
    expect(cookies.find((c) => c.startsWith('rl_session='))).toMatch(/SameSite=Lax/);
    expect(cookies.find((c) => c.startsWith('rl_csrf='))).not.toMatch(/HttpOnly/);
    expect(await response.json()).toMatchObject({
      user: { email: org.emails.planner },
      memberships: [{ org: { slug: 'acme' }, role: 'planner' }],
    });
  });

  it('answers 401 for a wrong password and for an unknown email alike', async () => {
    const wrong = await sendJson(api('/auth/login'), 'POST', { email: org.emails.admin, password: 'nope' });
    const unknown = await sendJson(api('/auth/login'), 'POST', { email: 'who@x.test', password: 'nope' });
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect((await wrong.json()).detail).toBe((await unknown.json()).detail);
  });

  it('rotates the session: the cookie sent to login stops working', async () => {
    const first = await login(server.url, org.emails.viewer);
    await fetch(api('/auth/login'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: first.cookie },
      body: JSON.stringify({ email: org.emails.viewer, password: 'correct horse battery staple' }),
    });
    expect((await fetch(api('/auth/me'), { headers: { cookie: first.cookie } })).status).toBe(401);
  });
});

describe('CSRF on cookie sessions', () => {
  it('answers 403 to an unsafe request without X-CSRF-Token and accepts it with the cookie value', async () => {
    const session = await login(server.url, org.emails.planner);
    const body = { name: 'Team', headcount: {} };
    const without = await sendJson(api('/orgs/acme/teams'), 'POST', body, { cookie: session.cookie });
    expect(without.status).toBe(403);
    const wrong = await sendJson(api('/orgs/acme/teams'), 'POST', body, {
      cookie: session.cookie,
      'x-csrf-token': 'x',
    });
    expect(wrong.status).toBe(403);
    const right = await sendJson(api('/orgs/acme/teams'), 'POST', body, {
      cookie: session.cookie,
      'x-csrf-token': session.csrf,
    });
    expect(right.status).toBe(201);
  });

  it('needs no CSRF token for safe methods or for bearer tokens', async () => {
    const session = await login(server.url, org.emails.viewer);
    expect((await fetch(api('/orgs/acme/teams'), { headers: { cookie: session.cookie } })).status).toBe(200);
    const created = await sendJson(
      api('/orgs/acme/teams'),
      'POST',
      { name: 'Other', headcount: {} },
      bearer(org.tokens.planner),
    );
    expect(created.status).toBe(201);
  });
});

describe('POST /auth/logout', () => {
  it('ends the session so the cookie answers 401 afterwards', async () => {
    const session = await login(server.url, org.emails.admin);
    const out = await fetch(api('/auth/logout'), {
      method: 'POST',
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrf },
    });
    expect(out.status).toBe(204);
    expect((await fetch(api('/auth/me'), { headers: { cookie: session.cookie } })).status).toBe(401);
  });
});

describe('API tokens', () => {
  it('shows the secret once, lists only the prefix, and stops working once revoked', async () => {
    const admin = bearer(org.tokens.admin);
    const created = await (
      await sendJson(api('/orgs/acme/tokens'), 'POST', { name: 'ci', role: 'viewer' }, admin)
    ).json();
    expect(created.token).toMatch(new RegExp(`^rl_${created.prefix}_`));
    expect((await fetch(api('/orgs/acme/teams'), { headers: bearer(created.token) })).status).toBe(200);
    const list = await (await fetch(api('/orgs/acme/tokens'), { headers: admin })).text();
    expect(list).toContain(created.prefix);
    expect(list).not.toContain(created.token);
    expect(JSON.parse(list).items.find((t: { id: string }) => t.id === created.id).lastUsedAt).not.toBeNull();
    expect(
      (await fetch(api(`/orgs/acme/tokens/${created.id}`), { method: 'DELETE', headers: admin })).status,
    ).toBe(204);
    expect((await fetch(api('/orgs/acme/teams'), { headers: bearer(created.token) })).status).toBe(401);
  });

  it('answers 401 for a malformed or unknown bearer token', async () => {
    for (const token of ['nope', 'rl_AAAAAAAA_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa']) {
      expect((await fetch(api('/orgs/acme'), { headers: bearer(token) })).status).toBe(401);
    }
  });
});

describe('users', () => {
  it('keeps the last admin: demoting or removing them answers 409', async () => {
    const admin = bearer(org.tokens.admin);
    const members = await (await fetch(api('/orgs/acme/users'), { headers: admin })).json();
    const only = members.items.find((m: { role: string }) => m.role === 'admin');
    const demote = await sendJson(api(`/orgs/acme/users/${only.id}`), 'PATCH', { role: 'viewer' }, admin);
    expect(demote.status).toBe(409);
    expect(
      (await fetch(api(`/orgs/acme/users/${only.id}`), { method: 'DELETE', headers: admin })).status,
    ).toBe(409);
  });

  it('names the field when a new user has no password', async () => {
    const response = await sendJson(
      api('/orgs/acme/users'),
      'POST',
      { email: 'new@acme.test', name: 'N', role: 'viewer' },
      bearer(org.tokens.admin),
    );
    expect(response.status).toBe(422);
    expect((await response.json()).errors).toEqual([
      { path: 'password', message: 'required for a new user' },
    ]);
  });
});
