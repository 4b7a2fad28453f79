import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../server/db/client';
import { apiTokens } from '../../server/db/schema';
import { createApiToken } from '../../server/services/api-tokens';
import { systemActor } from '../../server/services/audit';
import { bearer, createOrgFixture, type OrgFixture, sendJson } from '../helpers/api-fixture';
import { type AppServer, startAppServer } from '../helpers/app-server';
import { captureLog } from '../helpers/captured-log';
import { dayMs, manualClock, minuteMs } from '../helpers/manual-clock';

/**
 * A repeated GET of a cached capacity report (team grain, JSON) is answered from memory without
 * the app's middleware and handler, while nothing was written to the database: these tests check
 * that such an answer is the full path's, and that every write, through the app or another
 * connection, and every deadline (token expiry, its last-used write, the end of the week) sends
 * the next request down the full path again.
 */
let server: AppServer;
let acme: OrgFixture;
let other: Database;
let planId: string;
let checkoutId: string;
/** Monday 2 March 2026, 09:00 UTC (the org's zone is UTC). */
const clock = manualClock();
const log = captureLog('info');
const reportPath = '/reports/capacity?horizon=4&runs=0';

const get = (path: string, headers: Record<string, string>) =>
  fetch(`${server.url}/api/v1/orgs/acme${path}`, { headers });
const report = async (token: string, headers: Record<string, string> = {}) => {
  const response = await get(reportPath, { ...bearer(token), ...headers });
  return { status: response.status, headers: response.headers, body: await response.text() };
};
const write = async (path: string, body: unknown) => {
  const response = await sendJson(
    `${server.url}/api/v1/orgs/acme${path}`,
    'POST',
    body,
    bearer(acme.tokens.planner),
  );
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return response.json();
};
/** A new viewer token, created through the second connection. */
const newToken = (expiresAt?: Date) =>
  createApiToken(
    other.db,
    { orgId: acme.id, name: 'reader', role: 'viewer', expiresAt },
    systemActor,
    clock.now(),
  );

beforeAll(async () => {
  server = await startAppServer({ clock: clock.now, logger: log.logger });
  acme = await createOrgFixture(server.database.db, 'acme');
  other = await openDatabase(server.database.url);
  checkoutId = (await write('/teams', { name: 'Checkout', headcount: { mid: 4, senior: 2 } })).id;
  planId = (await write('/scenarios', { name: 'Plan', events: [] })).id;
  await write(`/scenarios/${planId}/plan-of-record`, {});
});
afterAll(async () => {
  other.close();
  await server.close();
});

describe('a repeated cached report', () => {
  it('gives the full path’s status, headers and body: gzip, ETag, 304, security headers, a new request id', async () => {
    const { token } = await newToken();
    // A token's first use writes its last-used time: the answer after that write is the one kept.
    await report(token, { 'accept-encoding': 'gzip' });
    const first = await report(token, { 'accept-encoding': 'gzip' });
    const again = await report(token, { 'accept-encoding': 'gzip' });
    expect(again.status).toBe(200);
    expect(again.body).toBe(first.body);
    const named = (h: Headers) =>
      Object.fromEntries([...h].filter(([name]) => !['date', 'x-request-id', 'keep-alive'].includes(name)));
    expect(named(again.headers)).toEqual(named(first.headers));
    expect(again.headers.get('content-encoding')).toBe('gzip');
    expect(again.headers.get('x-frame-options')).toBe('DENY');
    expect(again.headers.get('x-request-id')).not.toBe(first.headers.get('x-request-id'));
    const plain = await report(token, { 'accept-encoding': 'identity' });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(JSON.parse(plain.body).rows[0].team).toBe('Checkout');
    const unchanged = await report(token, { 'if-none-match': first.headers.get('etag')! });
    expect([unchanged.status, unchanged.body]).toEqual([304, '']);
    const id = await report(token, { 'x-request-id': 'trace-7' });
    expect(id.headers.get('x-request-id')).toBe('trace-7');
  });

  it('logs a repeated report as the full path logs it: one line with its id, method, route, path and status', async () => {
    const { token } = await newToken();
    // The first use writes the token's last-used time, the second is kept, the third is given again.
    const ids = ['first-1', 'kept-2', 'again-3'];
    for (const reqId of ids) await report(token, { 'x-request-id': reqId });
    const line = (reqId: string) => log.lines().filter((l) => l.reqId === reqId);
    for (const reqId of ids)
      expect(line(reqId)).toEqual([
        expect.objectContaining({
          msg: 'request',
          reqId,
          method: 'GET',
          route: '/api/v1/orgs/:org/reports/capacity',
          path: '/api/v1/orgs/acme/reports/capacity',
          status: 200,
        }),
      ]);
  });

  it('answers a request without a bearer token by the full path: no credentials and Basic credentials get 401', async () => {
    expect((await get(reportPath, {})).status).toBe(401);
    expect((await get(reportPath, {})).status).toBe(401);
    expect((await get(reportPath, { authorization: 'Basic YWNtZTpwYXNz' })).status).toBe(401);
  });

  it('answers another Accept header by the full path (CSV), not from the JSON answer', async () => {
    const { token } = await newToken();
    await report(token);
    await report(token);
    const csv = await report(token, { accept: 'text/csv' });
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.body.split('\n')[0]).toMatch(/^scenario,/);
  });

  it('refuses a token revoked through another connection at the next request', async () => {
    const { id, token } = await newToken();
    expect((await report(token)).status).toBe(200);
    expect((await report(token)).status).toBe(200);
    await other.db.update(apiTokens).set({ revokedAt: clock.now() }).where(eq(apiTokens.id, id));
    expect((await report(token)).status).toBe(401);
  });

  it('shows a scenario version saved through the app at the next request', async () => {
    const { token } = await newToken();
    const before = JSON.parse((await report(token)).body);
    expect(JSON.parse((await report(token)).body).runId).toBe(before.runId);
    const layoff = { type: 'layoff', date: '2026-03-09', teamIds: [checkoutId], level: 'senior', count: 1 };
    await write(`/scenarios/${planId}/versions`, { name: 'Plan', events: [layoff] });
    const after = JSON.parse((await report(token)).body);
    expect(after.scenario.version).toBe(before.scenario.version + 1);
  });

  it('refuses a token once its expiry passes, with no write in between', async () => {
    const { token } = await newToken(new Date(clock.now().getTime() + 30_000));
    expect((await report(token)).status).toBe(200);
    expect((await report(token)).status).toBe(200);
    clock.advance(30_000);
    expect((await report(token)).status).toBe(401);
  });

  it('writes the token’s last use once a minute, as the full path does', async () => {
    const { id, token } = await newToken();
    const lastUsed = async () =>
      (await other.db.select().from(apiTokens).where(eq(apiTokens.id, id)).get())!.lastUsedAt!.getTime();
    await report(token);
    const first = await lastUsed();
    clock.advance(minuteMs - 1);
    await report(token);
    expect(await lastUsed()).toBe(first);
    clock.advance(1);
    await report(token);
    expect(await lastUsed()).toBe(first + minuteMs);
  });

  it('gives the next week’s report once the org’s week has ended', async () => {
    const { token } = await newToken();
    const thisWeek = JSON.parse((await report(token)).body);
    expect(JSON.parse((await report(token)).body).runId).toBe(thisWeek.runId);
    clock.advance(7 * dayMs);
    const nextWeek = JSON.parse((await report(token)).body);
    expect(nextWeek.runId).not.toBe(thisWeek.runId);
  });
});

describe('a repeated team-grain CSV report', () => {
  const csvPath = `${reportPath}&format=csv`;
  const csv = async (token: string, headers: Record<string, string> = {}) => {
    const response = await get(csvPath, { ...bearer(token), ...headers });
    return { status: response.status, headers: response.headers, body: await response.text() };
  };

  it('is streamed the first time, then given from memory as the same text with gzip, an ETag and 304', async () => {
    const { token } = await newToken();
    // A new version: a stored run no report was made of yet.
    await write(`/scenarios/${planId}/versions`, { name: 'Plan', events: [] });
    const streamed = await csv(token, { 'accept-encoding': 'gzip' });
    expect(streamed.status).toBe(200);
    expect(streamed.headers.get('content-length')).toBeNull();
    expect(streamed.headers.get('content-encoding')).toBeNull();
    const [header, row, end] = streamed.body.split('\r\n');
    expect(header).toMatch(/^scenario,scenario_version,forecast_runs,team,team_id,headcount_today_/);
    expect(row).toMatch(new RegExp(`^Plan,\\d+,0,Checkout,${checkoutId},`));
    expect(end).toBe('');
    const remembered = await csv(token, { 'accept-encoding': 'gzip' });
    const again = await csv(token, { 'accept-encoding': 'gzip' });
    for (const answer of [remembered, again]) {
      expect(answer.status).toBe(200);
      expect(answer.body).toBe(streamed.body);
      expect(answer.headers.get('content-encoding')).toBe('gzip');
      expect(answer.headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present');
      expect(answer.headers.get('content-disposition')).toBe(streamed.headers.get('content-disposition'));
      expect(answer.headers.get('x-frame-options')).toBe('DENY');
    }
    expect(streamed.headers.get('content-disposition')).toMatch(
      /^attachment; filename="capacity-acme-v\d+-4w-team\.csv"$/,
    );
    const plain = await csv(token, { 'accept-encoding': 'identity' });
    expect(plain.headers.get('content-length')).toBe(String(Buffer.byteLength(streamed.body)));
    expect(plain.body).toBe(streamed.body);
    const unchanged = await csv(token, { 'if-none-match': again.headers.get('etag')! });
    expect([unchanged.status, unchanged.body]).toEqual([304, '']);
  });

  it('refuses a token revoked through another connection at the next CSV request', async () => {
    const { id, token } = await newToken();
    for (let i = 0; i < 3; i++) expect((await csv(token)).status).toBe(200);
    await other.db.update(apiTokens).set({ revokedAt: clock.now() }).where(eq(apiTokens.id, id));
    expect((await csv(token)).status).toBe(401);
  });

  it('shows a scenario version saved under a new name at the next CSV request', async () => {
    const { token } = await newToken();
    for (let i = 0; i < 3; i++) expect((await csv(token)).body.split('\r\n')[1]).toMatch(/^Plan,/);
    await write(`/scenarios/${planId}/versions`, { name: 'Plan B', events: [] });
    expect((await csv(token)).body.split('\r\n')[1]).toMatch(/^Plan B,/);
  });
});
