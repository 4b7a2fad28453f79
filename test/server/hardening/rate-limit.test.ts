import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
