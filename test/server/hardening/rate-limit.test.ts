import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedWindowLimiter } from '../../../server/middleware/rate-limit';
import {
  bearer,
  createOrgFixture,
  fixturePassword,
  type OrgFixture,
  sendJson,
} from '../../helpers/api-fixture';
import { type AppServer, startAppServer } from '../../helpers/app-server';

let now = Date.parse('2025-03-03T09:00:00Z');
let server: AppServer;
let org: OrgFixture;

beforeAll(async () => {
  server = await startAppServer({
    clock: () => new Date(now),
    env: {
      RATE_LIMIT_WINDOW_MS: '60000',
      RATE_LIMIT_LOGIN_PER_IP: '8',
      RATE_LIMIT_LOGIN_PER_EMAIL: '3',
      RATE_LIMIT_TOKENS_PER_USER: '2',
    },
  });
  org = await createOrgFixture(server.database.db, 'limits');
});
afterAll(async () => {
  await server.close();
});

const loginAs = (email: string, password = 'wrong password') =>
  sendJson(`${server.url}/api/v1/auth/login`, 'POST', { email, password });

describe('FixedWindowLimiter', () => {
  it('allows `limit` hits per window, then answers the seconds left, and resets with the window', () => {
    let t = 0;
    const limiter = new FixedWindowLimiter(2, 10_000, () => t);
    expect([limiter.hit('a'), limiter.hit('a'), limiter.hit('b')]).toEqual([0, 0, 0]);
    t = 2_500;
    expect(limiter.hit('a')).toBe(8);
    t = 10_000;
    expect(limiter.hit('a')).toBe(0);
  });

  const keys = (count: number, prefix: string) => Array.from({ length: count }, (_, i) => `${prefix}${i}`);

  it('forgets the oldest key when a hit finds 100,000 tracked and none expired', () => {
    const limiter = new FixedWindowLimiter(1, 60_000, () => 0);
    for (const key of keys(99_999, 'k')) limiter.hit(key);
    // Second hits in the window: over the limit of 1, 60 s to wait.
    expect([limiter.hit('k0'), limiter.hit('k99998')]).toEqual([60, 60]);
    expect(limiter.hit('fresh')).toBe(0);
    // 100,000 tracked now: this hit first drops k0, the oldest, so it starts afresh.
    expect([limiter.hit('k0'), limiter.hit('k99998')]).toEqual([0, 60]);
  });

  it('sweeps expired windows first at 100,000 keys, keeping live ones whatever their age', () => {
    let t = 0;
    const limiter = new FixedWindowLimiter(1, 60_000, () => t);
    limiter.hit('live');
    for (const key of keys(99_998, 'old')) limiter.hit(key);
    t = 60_000;
    // The first key's window ended, so it starts a new one, keeping its place as the oldest key.
    expect([limiter.hit('live'), limiter.hit('live')]).toEqual([0, 60]);
    limiter.hit('new1');
    limiter.hit('new2');
    expect([limiter.hit('live'), limiter.hit('new1')]).toEqual([60, 60]);
  });
});

describe('POST /auth/login', () => {
  it('answers 429 problem+json with Retry-After after RATE_LIMIT_LOGIN_PER_EMAIL attempts on one account', async () => {
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await loginAs(org.emails.viewer)).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
    const limited = await loginAs(org.emails.viewer.toUpperCase(), fixturePassword);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('content-type')).toBe('application/problem+json');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    now += 60_000;
    expect((await loginAs(org.emails.viewer, fixturePassword)).status).toBe(200);
  });

  it('limits one address across accounts to RATE_LIMIT_LOGIN_PER_IP attempts per window', async () => {
    now += 60_000;
    const statuses = [];
    for (let i = 0; i < 9; i++) statuses.push((await loginAs(`nobody${i}@limits.test`)).status);
    expect(statuses.filter((s) => s === 429)).toHaveLength(1);
    expect(statuses.at(-1)).toBe(429);
  });
});

describe('POST /orgs/{org}/tokens', () => {
  it('answers 429 after RATE_LIMIT_TOKENS_PER_USER creations by one caller, while listing still works', async () => {
    now += 60_000;
    const create = () =>
      sendJson(
        `${server.url}/api/v1/orgs/limits/tokens`,
        'POST',
        { name: 'ci', role: 'viewer' },
        bearer(org.tokens.admin),
      );
    const statuses = [(await create()).status, (await create()).status, (await create()).status];
    expect(statuses).toEqual([201, 201, 429]);
    const list = await fetch(`${server.url}/api/v1/orgs/limits/tokens`, {
      headers: bearer(org.tokens.admin),
    });
    expect(list.status).toBe(200);
  });
});
