import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../server/config';
import type { AppDeps } from '../../../server/deps';
import { loginRateLimit, tokenRateLimit } from '../../../server/middleware/rate-limits';
import { middlewareApp } from '../../helpers/middleware-app';

let now = Date.parse('2025-03-03T09:00:00Z');
/** What the limits read of the app's dependencies: the configuration and the clock. */
const deps = (env: Record<string, string>) =>
  ({
    config: loadConfig({ RATE_LIMIT_WINDOW_MS: '60000', ...env }, 'test'),
    clock: () => new Date(now),
  }) as AppDeps;

/** A login app allowing one attempt per email and many per address (or the reverse). */
const loginApp = (env: Record<string, string> = {}) =>
  middlewareApp(
    loginRateLimit(deps({ RATE_LIMIT_LOGIN_PER_IP: '100', RATE_LIMIT_LOGIN_PER_EMAIL: '1', ...env })),
  );

const attempt = (app: ReturnType<typeof middlewareApp>, body: string, headers: Record<string, string> = {}) =>
  app.request('/auth/login', {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', ...headers },
  });

/** Statuses of two attempts with these bodies (and headers) on a fresh app. */
async function twice(first: string, second: string, headers: Record<string, string> = {}, app = loginApp()) {
  return [(await attempt(app, first, headers)).status, (await attempt(app, second, headers)).status];
}

describe('login rate limit keys', () => {
  it('keys a JSON login on its email, trimmed and lower-cased', async () => {
    expect(await twice('{"email":"ann@x.test"}', '{"email":"bob@x.test"}')).toEqual([200, 200]);
    expect(await twice('{"email":"ann@x.test"}', '{"email":"  ANN@X.test "}')).toEqual([200, 429]);
  });

  it('folds case to lower case, where ß stays apart from SS', async () => {
    expect(await twice('{"email":"straße@x.test"}', '{"email":"STRASSE@x.test"}')).toEqual([200, 200]);
  });

  it('keys an email on its first 320 characters', async () => {
    const stem = 'a'.repeat(320);
    expect(await twice(`{"email":"${stem}b"}`, `{"email":"${stem}c"}`)).toEqual([200, 429]);
    expect(await twice(`{"email":"${stem.slice(1)}b"}`, `{"email":"${stem.slice(1)}c"}`)).toEqual([200, 200]);
  });

  it.each([
    ['a form body', 'email=ann@x.test', 'application/x-www-form-urlencoded'],
    ['a type that only ends in application/json', '{"email":"ann@x.test"}', 'text/application/json'],
    ['a type that only starts with application/json', '{"email":"ann@x.test"}', 'application/jsonp'],
    ['a string body sent without a type (text/plain)', '{"email":"ann@x.test"}', undefined],
    ['malformed JSON', '{"email":', 'application/json'],
    ['a JSON null', 'null', 'application/json'],
    ['a JSON string', '"ann@x.test"', 'application/json'],
    ['an email that is not a string', '{"email":7}', 'application/json'],
  ])('counts %s against the address only, never failing', async (_, body, type) => {
    const app = loginApp();
    const send = () =>
      app.request('/auth/login', { method: 'POST', body, headers: type ? { 'content-type': type } : {} });
    expect([(await send()).status, (await send()).status]).toEqual([200, 200]);
  });

  it('reads JSON of any letter case and with parameters', async () => {
    const body = '{"email":"ann@x.test"}';
    expect(await twice(body, body, { 'content-type': 'Application/JSON; charset=utf-8' })).toEqual([
      200, 429,
    ]);
  });

  it('keys on the client address behind TRUST_PROXY proxies', async () => {
    const app = () =>
      loginApp({ RATE_LIMIT_LOGIN_PER_IP: '1', RATE_LIMIT_LOGIN_PER_EMAIL: '100', TRUST_PROXY: '1' });
    const from = (address: string) => ({ 'x-forwarded-for': address });
    const one = app();
    expect([
      (await attempt(one, '{}', from('10.0.0.1'))).status,
      (await attempt(one, '{}', from('10.0.0.2'))).status,
      (await attempt(one, '{}', from('10.0.0.1'))).status,
    ]).toEqual([200, 200, 429]);
  });

  it('allows RATE_LIMIT_LOGIN_PER_EMAIL attempts per RATE_LIMIT_WINDOW_MS, then answers the seconds left', async () => {
    const app = loginApp({ RATE_LIMIT_LOGIN_PER_EMAIL: '2', RATE_LIMIT_WINDOW_MS: '30000' });
    const body = '{"email":"ann@x.test"}';
    now = Date.parse('2025-03-03T09:00:00Z');
    expect([(await attempt(app, body)).status, (await attempt(app, body)).status]).toEqual([200, 200]);
    now += 10_000;
    const refused = await attempt(app, body);
    expect([refused.status, refused.headers.get('retry-after')]).toEqual([429, '20']);
    now += 20_000;
    expect((await attempt(app, body)).status).toBe(200);
  });

  it('allows RATE_LIMIT_LOGIN_PER_IP attempts per address across emails', async () => {
    const app = loginApp({ RATE_LIMIT_LOGIN_PER_IP: '2', RATE_LIMIT_LOGIN_PER_EMAIL: '100' });
    const statuses = [];
    for (const name of ['a', 'b', 'c'])
      statuses.push((await attempt(app, `{"email":"${name}@x.test"}`)).status);
    expect(statuses).toEqual([200, 200, 429]);
  });
});

describe('token creation rate limit', () => {
  /** An app whose requests come from `actor` in org `org` (as authentication and org scoping set them). */
  const tokenApp = () => {
    const limit = tokenRateLimit(deps({ RATE_LIMIT_TOKENS_PER_USER: '1' }));
    return middlewareApp(async (c, next) => {
      c.set('org', { id: c.req.query('org') });
      c.set('principal', { actor: c.req.query('actor') });
      return limit(c, next);
    });
  };
  const create = async (app: ReturnType<typeof tokenApp>, org: string, actor: string) =>
    (await app.request(`/orgs/tokens?org=${org}&actor=${actor}`, { method: 'POST' })).status;

  it('allows RATE_LIMIT_TOKENS_PER_USER creations per caller and org per window', async () => {
    const app = tokenApp();
    expect([
      await create(app, 'o1', 'ann'),
      await create(app, 'o1', 'bob'),
      await create(app, 'o2', 'ann'),
      await create(app, 'o1', 'ann'),
    ]).toEqual([200, 200, 200, 429]);
  });
});
