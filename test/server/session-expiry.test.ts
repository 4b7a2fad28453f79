import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '../../server/auth/secrets';
import { sessions } from '../../server/db/schema';
import { type BrowserSession, createOrgFixture, login, type OrgFixture } from '../helpers/api-fixture';
import { type AppServer, startAppServer } from '../helpers/app-server';
import { dayMs, hourMs, manualClock, minuteMs } from '../helpers/manual-clock';

/**
 * Sessions end after 12 h without a request or 7 days after login (SECURITY.md), measured on
 * the clock the app is given, which these tests move by hand.
 */
const clock = manualClock();
let server: AppServer;
let org: OrgFixture;

beforeAll(async () => {
  server = await startAppServer({ clock: clock.now, env: { RATE_LIMIT_LOGIN_PER_EMAIL: '1000' } });
  org = await createOrgFixture(server.database.db, 'acme');
});
afterAll(async () => {
  await server.close();
});

const me = async (session: BrowserSession) =>
  (await fetch(`${server.url}/api/v1/auth/me`, { headers: { cookie: session.cookie } })).status;

const sessionId = (session: BrowserSession) => /rl_session=([^;]+)/.exec(session.cookie)![1]!;

const storedSession = (session: BrowserSession) =>
  server.database.db
    .select()
    .from(sessions)
    .where(eq(sessions.idHash, sha256(sessionId(session))))
    .get();

describe('idle expiry', () => {
  it('keeps a session that has been idle for just under 12 hours', async () => {
    const session = await login(server.url, org.emails.viewer);
    clock.advance(12 * hourMs - 1);
    expect(await me(session)).toBe(200);
  });

  it('ends a session idle for 12 hours', async () => {
    const session = await login(server.url, org.emails.viewer);
    clock.advance(12 * hourMs);
    expect(await me(session)).toBe(401);
  });

  it('restarts the idle timer on a request, so a session used every 11 hours lives on', async () => {
    const session = await login(server.url, org.emails.viewer);
    for (let i = 0; i < 4; i += 1) {
      clock.advance(11 * hourMs);
      expect(await me(session)).toBe(200);
    }
  });

  it('restarts the idle timer at most once a minute: a request 59 s after the last restart does not count', async () => {
    const session = await login(server.url, org.emails.viewer);
    clock.advance(59 * 1000);
    expect(await me(session)).toBe(200);
    clock.advance(12 * hourMs - 59 * 1000);
    expect(await me(session)).toBe(401);
  });

  it('restarts the idle timer on a request a full minute after the last restart', async () => {
    const session = await login(server.url, org.emails.viewer);
    clock.advance(minuteMs);
    expect(await me(session)).toBe(200);
    clock.advance(12 * hourMs - 1);
    expect(await me(session)).toBe(200);
  });
});

describe('absolute expiry', () => {
  it('ends a session 7 days after login however busy it is', async () => {
    const loggedInAt = clock.now().getTime();
    const session = await login(server.url, org.emails.planner);
    while (clock.now().getTime() + 11 * hourMs < loggedInAt + 7 * dayMs) {
      clock.advance(11 * hourMs);
      expect(await me(session)).toBe(200);
    }
    clock.advance(loggedInAt + 7 * dayMs - 1 - clock.now().getTime());
    expect(await me(session)).toBe(200);
    clock.advance(1);
    expect(await me(session)).toBe(401);
  });

  it('sets the session cookie to last 7 days', async () => {
    const response = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: org.emails.viewer, password: 'correct horse battery staple' }),
    });
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith('rl_session='));
    expect(cookie).toContain('Max-Age=604800');
  });
});

describe('expired sessions', () => {
  it('deletes a session from the database when it is found idle-expired', async () => {
    const session = await login(server.url, org.emails.admin);
    expect(await storedSession(session)).toBeDefined();
    clock.advance(12 * hourMs);
    await me(session);
    expect(await storedSession(session)).toBeUndefined();
  });

  it('deletes a session from the database when it is found past its 7 days', async () => {
    const session = await login(server.url, org.emails.admin);
    for (let i = 0; i < 14; i += 1) {
      clock.advance(12 * hourMs - minuteMs);
      await me(session);
    }
    clock.advance(14 * minuteMs);
    expect(await me(session)).toBe(401);
    expect(await storedSession(session)).toBeUndefined();
  });

  it('keeps a live session in the database', async () => {
    const session = await login(server.url, org.emails.admin);
    clock.advance(hourMs);
    await me(session);
    expect((await storedSession(session))?.lastSeenAt).toEqual(clock.now());
  });
});

describe('login and logout', () => {
  it('issues a new session id at each login and ends the one the browser sent', async () => {
    const first = await login(server.url, org.emails.viewer);
    const response = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: first.cookie },
      body: JSON.stringify({ email: org.emails.viewer, password: 'correct horse battery staple' }),
    });
    const second = /rl_session=([^;]+)/.exec(response.headers.getSetCookie().join('; '))![1]!;
    expect(second).not.toBe(sessionId(first));
    expect(await me(first)).toBe(401);
    expect(await storedSession(first)).toBeUndefined();
    expect(await me({ cookie: `rl_session=${second}`, csrf: '' })).toBe(200);
  });

  it('ends the session at logout: the cookie answers 401 and the row is gone, other sessions live on', async () => {
    const phone = await login(server.url, org.emails.viewer);
    const laptop = await login(server.url, org.emails.viewer);
    const out = await fetch(`${server.url}/api/v1/auth/logout`, {
      method: 'POST',
      headers: { cookie: laptop.cookie, 'x-csrf-token': laptop.csrf },
    });
    expect(out.status).toBe(204);
    expect(await me(laptop)).toBe(401);
    expect(await storedSession(laptop)).toBeUndefined();
    expect(await me(phone)).toBe(200);
  });
});
