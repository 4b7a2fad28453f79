import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../server/db/schema';
import {
  bearer,
  createOrgFixture,
  fixturePassword,
  login,
  type OrgFixture,
  sendJson,
} from '../helpers/api-fixture';
import { type AppServer, startAppServer } from '../helpers/app-server';
import { hourMs, manualClock } from '../helpers/manual-clock';

/** Invitations are one-use links with an expiry; deactivated members are refused; the last active admin stays. */
const clock = manualClock();
let server: AppServer;
let acme: OrgFixture;
let globex: OrgFixture;
let n = 0;

beforeAll(async () => {
  server = await startAppServer({ clock: clock.now, env: { RATE_LIMIT_LOGIN_PER_IP: '1000' } });
  acme = await createOrgFixture(server.database.db, 'acme');
  globex = await createOrgFixture(server.database.db, 'globex');
});
afterAll(async () => {
  await server.close();
});

const api = (path: string) => `${server.url}/api/v1${path}`;
const asAdmin = (org = acme) => bearer(org.tokens.admin);

async function invite(email: string, role = 'planner', expiresInHours?: number) {
  const body = { email, role, ...(expiresInHours ? { expiresInHours } : {}) };
  const response = await sendJson(api('/orgs/acme/invitations'), 'POST', body, asAdmin());
  expect(response.status, await response.clone().text()).toBe(201);
  return (await response.json()) as { id: string; path: string; expiresAt: string };
}

const secretOf = (path: string) => path.split('/').at(-1)!;
const accept = (path: string, body: object) =>
  sendJson(api(`/invitations/${secretOf(path)}/accept`), 'POST', body);
const freshEmail = () => `person${++n}@new.test`;
const password = 'a long new password';

describe('invitation link', () => {
  it('shows the org, email and role, then accepting it creates the account, joins the org and signs in', async () => {
    const email = freshEmail();
    const { path, expiresAt } = await invite(email, 'planner');
    expect(path).toMatch(/^\/invite\/[A-Za-z0-9_-]{43}$/);
    expect(expiresAt).toBe(new Date(clock.now().getTime() + 72 * hourMs).toISOString());
    const offer = await (await fetch(api(`/invitations/${secretOf(path)}`))).json();
    expect(offer).toEqual({
      org: { slug: 'acme', name: 'Org acme' },
      email,
      role: 'planner',
      expiresAt,
      hasAccount: false,
    });
    const response = await accept(path, { name: 'New Person', password });
    expect(response.status).toBe(200);
    expect((await response.json()).memberships).toEqual([
      { org: { slug: 'acme', name: 'Org acme', timeZone: 'UTC' }, role: 'planner' },
    ]);
    expect(response.headers.getSetCookie().some((c) => c.startsWith('rl_session='))).toBe(true);
    const session = await login(server.url, email, password);
    const teams = await fetch(api('/orgs/acme/teams'), { headers: { cookie: session.cookie } });
    expect(teams.status).toBe(200);
  });

  it('works once: a second acceptance and a second look answer 404', async () => {
    const { path } = await invite(freshEmail());
    expect((await accept(path, { name: 'Once', password })).status).toBe(200);
    expect((await accept(path, { name: 'Twice', password })).status).toBe(404);
    expect((await fetch(api(`/invitations/${secretOf(path)}`))).status).toBe(404);
  });

  it('works until the instant before its expiry, not from that instant on', async () => {
    const early = await invite(freshEmail(), 'viewer', 1);
    const late = await invite(freshEmail(), 'viewer', 1);
    clock.advance(hourMs - 1);
    expect((await accept(early.path, { name: 'Early', password })).status).toBe(200);
    clock.advance(1);
    const response = await accept(late.path, { name: 'Late', password });
    expect(response.status).toBe(404);
    expect((await response.json()).detail).toBe(
      'This invitation link is unknown, already used, withdrawn or expired.',
    );
  });

  it('stops working at once when withdrawn, and leaves the pending list', async () => {
    const { id, path } = await invite(freshEmail());
    const listed = async () =>
      (await (await fetch(api('/orgs/acme/invitations?limit=200'), { headers: asAdmin() })).json()).items.map(
        (i: { id: string }) => i.id,
      );
    expect(await listed()).toContain(id);
    const revoked = await fetch(api(`/orgs/acme/invitations/${id}`), {
      method: 'DELETE',
      headers: asAdmin(),
    });
    expect(revoked.status).toBe(204);
    expect(await listed()).not.toContain(id);
    expect((await accept(path, { name: 'Withdrawn', password })).status).toBe(404);
  });

  it('adds an existing account only with its own password', async () => {
    const { path } = await invite(globex.emails.viewer, 'admin');
    const offer = await (await fetch(api(`/invitations/${secretOf(path)}`))).json();
    expect(offer.hasAccount).toBe(true);
    const wrong = await accept(path, { password: 'not the right password' });
    expect(wrong.status).toBe(422);
    expect((await wrong.json()).errors[0].path).toBe('password');
    const right = await accept(path, { password: fixturePassword });
    expect(right.status).toBe(200);
    const roles = (await right.json()).memberships.map((m: { org: { slug: string }; role: string }) => [
      m.org.slug,
      m.role,
    ]);
    expect(roles).toEqual([
      ['acme', 'admin'],
      ['globex', 'viewer'],
    ]);
  });

  it('answers 409 naming email when the invited email is already a member', async () => {
    const response = await sendJson(
      api('/orgs/acme/invitations'),
      'POST',
      { email: acme.emails.viewer, role: 'viewer' },
      asAdmin(),
    );
    expect(response.status).toBe(409);
    expect((await response.json()).errors[0].path).toBe('email');
  });

  it('audits the invitation and its acceptance by the new user', async () => {
    const { id, path } = await invite(freshEmail(), 'viewer');
    await accept(path, { name: 'Audited', password });
    const rows = await server.database.db.select().from(auditLog).where(eq(auditLog.entityId, id)).all();
    expect(rows.map((r) => [r.action, r.actor.split(':')[0]])).toEqual([
      ['create', 'token'],
      ['accept', 'user'],
    ]);
  });

  it('refuses a password under 12 characters, naming password', async () => {
    const { path } = await invite(freshEmail());
    const response = await accept(path, { name: 'Short', password: 'short' });
    expect(response.status).toBe(422);
    expect((await response.json()).errors[0].path).toBe('password');
  });
});

describe('members', () => {
  const members = async () =>
    (await (await fetch(api('/orgs/acme/users?limit=200'), { headers: asAdmin() })).json()).items as {
      id: string;
      email: string;
      role: string;
      active: boolean;
    }[];
  const idOf = async (email: string) => (await members()).find((m) => m.email === email)!.id;
  const patch = async (id: string, body: object, org = acme) =>
    sendJson(api(`/orgs/${org.slug}/users/${id}`), 'PATCH', body, asAdmin(org));

  it('refuses a deactivated member at once and lets them back when reactivated', async () => {
    const session = await login(server.url, acme.emails.planner);
    const teams = async () =>
      (await fetch(api('/orgs/acme/teams'), { headers: { cookie: session.cookie } })).status;
    expect(await teams()).toBe(200);
    const id = await idOf(acme.emails.planner);
    const off = await patch(id, { active: false });
    expect(await off.json()).toMatchObject({ id, active: false });
    expect(await teams()).toBe(404);
    const me = await (await fetch(api('/auth/me'), { headers: { cookie: session.cookie } })).json();
    expect(me.memberships).toEqual([]);
    await patch(id, { active: true });
    expect(await teams()).toBe(200);
  });

  it('never deactivates or demotes the last active admin, naming the field', async () => {
    const db = server.database.db;
    const solo = await createOrgFixture(db, 'solo');
    const page = await (await fetch(api('/orgs/solo/users'), { headers: asAdmin(solo) })).json();
    const adminId = page.items.find((m: { role: string }) => m.role === 'admin').id;
    for (const [body, field] of [
      [{ active: false }, 'active'],
      [{ role: 'viewer' }, 'role'],
    ] as const) {
      const response = await patch(adminId, body, solo);
      expect(response.status).toBe(409);
      expect((await response.json()).errors).toEqual([
        { path: field, message: `${solo.emails.admin} is the last active admin` },
      ]);
    }
    const removed = await fetch(api(`/orgs/solo/users/${adminId}`), {
      method: 'DELETE',
      headers: asAdmin(solo),
    });
    expect(removed.status).toBe(409);
  });

  it('lets an admin go when another active admin remains, and a role change takes effect at once', async () => {
    const session = await login(server.url, acme.emails.viewer);
    const create = () =>
      fetch(api('/orgs/acme/teams'), {
        method: 'POST',
        headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': 'application/json' },
        body: JSON.stringify({ name: `T${++n}`, headcount: {} }),
      });
    expect((await create()).status).toBe(403);
    const id = await idOf(acme.emails.viewer);
    expect((await patch(id, { role: 'planner' })).status).toBe(200);
    expect((await create()).status).toBe(201);
  });
});
