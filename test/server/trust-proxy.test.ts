import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config';
import { clientAddress, isHttps } from '../../server/proxy';
import { createOrgFixture, fixturePassword, sendJson } from '../helpers/api-fixture';
import { type AppServer, startAppServer } from '../helpers/app-server';

describe('TRUST_PROXY', () => {
  it('is off by default and reads false, true (one proxy) or a count up to 10', () => {
    expect(loadConfig({}, 'test').trustProxy).toBe(0);
    const read = (value: string) => loadConfig({ TRUST_PROXY: value }, 'test').trustProxy;
    expect([read('false'), read('true'), read('0'), read('2'), read('10')]).toEqual([0, 1, 0, 2, 10]);
    for (const bad of ['yes', '11', '-1', '1.5'])
      expect(() => read(bad)).toThrow('TRUST_PROXY: must be false, true or a number of proxies from 0 to 10');
  });
});

describe('client address and scheme behind proxies', () => {
  let url: string;
  let close: () => void;
  beforeAll(async () => {
    const app = new Hono().get('/', (c) => {
      const proxies = Number(c.req.query('proxies'));
      return c.json({ address: clientAddress(c, proxies), https: isHttps(c, proxies) });
    });
    const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
      const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
    });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => server.close();
  });
  afterAll(() => close());

  const ask = async (proxies: number, headers: Record<string, string>) =>
    (await fetch(`${url}/?proxies=${proxies}`, { headers })).json();

  it('ignores X-Forwarded-For and X-Forwarded-Proto when no proxy is trusted', async () => {
    expect(await ask(0, { 'x-forwarded-for': '203.0.113.7', 'x-forwarded-proto': 'https' })).toEqual({
      address: '127.0.0.1',
      https: false,
    });
  });

  it('takes the n-th address back from the peer, so addresses a client prepends do not count', async () => {
    const forwarded = { 'x-forwarded-for': '198.51.100.66, 203.0.113.7, 10.0.0.5' };
    expect(await ask(1, forwarded)).toMatchObject({ address: '10.0.0.5' });
    expect(await ask(2, forwarded)).toMatchObject({ address: '203.0.113.7' });
    expect(await ask(5, forwarded)).toMatchObject({ address: '198.51.100.66' });
    expect(await ask(1, {})).toMatchObject({ address: '127.0.0.1' });
  });

  it('believes the first X-Forwarded-Proto from a trusted proxy', async () => {
    expect(await ask(1, { 'x-forwarded-proto': 'https' })).toMatchObject({ https: true });
    expect(await ask(1, { 'x-forwarded-proto': 'http' })).toMatchObject({ https: false });
  });
});

describe('login behind a TLS-terminating proxy', () => {
  let server: AppServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  const start = async (env: Record<string, string>) => {
    server = await startAppServer({ env: { RATE_LIMIT_LOGIN_PER_IP: '2', ...env } });
    return createOrgFixture(server.database.db, 'proxied');
  };
  const login = (email: string, headers: Record<string, string>, password = 'wrong password') =>
    sendJson(`${server!.url}/api/v1/auth/login`, 'POST', { email, password }, headers);
  const statuses = async (clients: string[]) => {
    const seen: number[] = [];
    for (const [i, client] of clients.entries())
      seen.push((await login(`nobody${i}@proxied.test`, { 'x-forwarded-for': client })).status);
    return seen;
  };

  it('limits each forwarded client separately with TRUST_PROXY=1', async () => {
    await start({ TRUST_PROXY: '1' });
    expect(await statuses(['203.0.113.1', '203.0.113.1', '203.0.113.2', '203.0.113.1'])).toEqual([
      401, 401, 401, 429,
    ]);
  });

  it('limits every client by the proxy address when TRUST_PROXY is off', async () => {
    await start({});
    expect(await statuses(['203.0.113.1', '203.0.113.2', '203.0.113.3'])).toEqual([401, 401, 429]);
  });

  it('marks the session cookies Secure when the trusted proxy forwarded https, and not otherwise', async () => {
    const org = await start({ TRUST_PROXY: '1' });
    const https = await login(org.emails.admin, { 'x-forwarded-proto': 'https' }, fixturePassword);
    expect(https.status).toBe(200);
    expect(https.headers.getSetCookie()).toHaveLength(2);
    for (const cookie of https.headers.getSetCookie()) expect(cookie).toMatch(/; Secure/);
    const http = await login(org.emails.admin, { 'x-forwarded-proto': 'http' }, fixturePassword);
    for (const cookie of http.headers.getSetCookie()) expect(cookie).not.toMatch(/; Secure/);
  });

  it('does not mark cookies Secure on a forged X-Forwarded-Proto when TRUST_PROXY is off', async () => {
    const org = await start({});
    const response = await login(org.emails.admin, { 'x-forwarded-proto': 'https' }, fixturePassword);
    expect(response.status).toBe(200);
    for (const cookie of response.headers.getSetCookie()) expect(cookie).not.toMatch(/; Secure/);
  });
});
