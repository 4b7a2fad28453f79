import { gunzipSync } from 'node:zlib';
import { createClient } from '@libsql/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import { loadConfig } from '../../server/config';
import { acceptsGzip } from '../../server/routes/forecasts';
import { modelRevision } from '../../server/services/forecast-memo';
import { ForecastPool } from '../../server/services/forecast-pool';
import { defaultLevels, defaultParameters } from '../../shared/index';
import { bearer, createOrgFixture, type OrgFixture } from '../helpers/api-fixture';
import { createTempDb, type TempDatabase } from '../helpers/temp-db';

let database: TempDatabase;
let org: OrgFixture;
let pool: ForecastPool;
let app: ReturnType<typeof createApp>;
let planId: string;
let otherId: string;
let checkoutId: string;

const api = (
  path: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
) =>
  app.request(`/api/v1/orgs/memo${path}`, {
    method: init.method ?? 'GET',
    headers: { ...bearer(org.tokens.planner), 'content-type': 'application/json', ...init.headers },
    body:
      typeof init.body === 'string'
        ? init.body
        : init.body === undefined
          ? undefined
          : JSON.stringify(init.body),
  });
const json = async (path: string, init?: Parameters<typeof api>[1]) => {
  const response = await api(path, init);
  if (!response.ok) throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
  return response.json();
};
/** The capacity report of the plan of record over 4 weeks. */
const report = () => json('/reports/capacity?horizon=4');
const forecast = (id = planId) =>
  api(`/scenarios/${id}/forecast`, { method: 'POST', body: { runs: 0, horizon: 4 } });
const headcountNow = (r: { rows: { team: string; headcountNow: Record<string, number> }[] }, team: string) =>
  r.rows.find((row) => row.team === team)?.headcountNow;

beforeAll(async () => {
  database = await createTempDb();
  org = await createOrgFixture(database.db, 'memo');
  pool = new ForecastPool({ threads: 1, maxQueue: 32, timeoutMs: 120_000 });
  app = createApp({
    db: database.db,
    config: loadConfig({ DATABASE_URL: database.url }, 'test'),
    clock: () => new Date('2026-05-04T09:00:00Z'),
    forecastPool: pool,
  });
  checkoutId = (
    await json('/teams', { method: 'POST', body: { name: 'Checkout', headcount: { mid: 4, senior: 2 } } })
  ).id;
  await json('/teams', { method: 'POST', body: { name: 'Search', headcount: { junior: 2, senior: 1 } } });
  planId = (await json('/scenarios', { method: 'POST', body: { name: 'Plan', events: [] } })).id;
  otherId = (await json('/scenarios', { method: 'POST', body: { name: 'Other', events: [] } })).id;
  await json(`/scenarios/${planId}/plan-of-record`, { method: 'POST', body: {} });
});
afterAll(async () => {
  await pool.close();
  database.cleanup();
});

describe('remembered forecasts', () => {
  it('answer an unchanged request with the stored run, byte for byte the body of the run by id', async () => {
    const unchanged = (await json('/scenarios', { method: 'POST', body: { name: 'Unchanged', events: [] } }))
      .id;
    const created = await forecast(unchanged);
    expect(created.status).toBe(201);
    const first = await created.json();
    const again = await forecast(unchanged);
    const repeat = await forecast(unchanged);
    expect(again.status).toBe(200);
    expect(again.headers.get('content-type')).toBe('application/json');
    expect(again.headers.get('x-content-type-options')).toBe('nosniff');
    const body = await again.text();
    expect(await repeat.text()).toBe(body);
    expect(await (await api(`/forecasts/${first.id}`)).text()).toBe(body);
    expect(JSON.parse(body)).toEqual({ ...first, cached: true });
  });

  it('are sent gzipped, the same JSON, to a client that accepts gzip', async () => {
    await forecast();
    const plain = await (await forecast()).text();
    const response = await api(`/scenarios/${planId}/forecast`, {
      method: 'POST',
      body: { runs: 0, horizon: 4 },
      headers: { 'accept-encoding': 'br;q=1, gzip;q=0.8' },
    });
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect(response.headers.get('vary')).toBe('accept-encoding');
    expect(gunzipSync(Buffer.from(await response.arrayBuffer())).toString()).toBe(plain);
  });

  it('send the capacity report gzipped, the same JSON, to a client that accepts gzip', async () => {
    const plain = await report();
    const response = await api('/reports/capacity?horizon=4', { headers: { 'accept-encoding': 'gzip' } });
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect(response.headers.get('vary')).toBe('accept-encoding');
    expect(JSON.parse(gunzipSync(Buffer.from(await response.arrayBuffer())).toString())).toEqual(plain);
  });

  it('send the capacity report with an ETag per encoding, and 304 without a body to a request naming it', async () => {
    const plain = await api('/reports/capacity?horizon=4');
    const zipped = await api('/reports/capacity?horizon=4', { headers: { 'accept-encoding': 'gzip' } });
    const tag = plain.headers.get('etag')!;
    expect(tag).toMatch(/^"[\w-]{27}"$/);
    expect(zipped.headers.get('etag')).toBe(`${tag.slice(0, -1)}-gzip"`);
    expect(plain.headers.get('cache-control')).toBe('private, no-cache');
    const body = await plain.text();
    expect(gunzipSync(Buffer.from(await zipped.arrayBuffer())).toString()).toBe(body);
    for (const named of [tag, zipped.headers.get('etag')!, `W/${tag}`, `"other", ${tag}`, '*']) {
      const again = await api('/reports/capacity?horizon=4', { headers: { 'if-none-match': named } });
      expect([named, again.status, await again.text()]).toEqual([named, 304, '']);
      expect(again.headers.get('etag')).toBe(tag);
    }
    const other = await api('/reports/capacity?horizon=4', { headers: { 'if-none-match': '"other"' } });
    expect(other.status).toBe(200);
    expect(await other.text()).toBe(body);
  });

  it('send the same capacity report bytes at any time: generatedAt is when its run was computed', async () => {
    const report = await json('/reports/capacity?horizon=4');
    const run = await json(`/forecasts/${report.runId}`);
    expect(report.generatedAt).toBe(run.createdAt);
    const later = createApp({
      db: database.db,
      config: loadConfig({ DATABASE_URL: database.url }, 'test'),
      clock: () => new Date('2026-05-04T17:30:00Z'),
      forecastPool: pool,
    });
    const again = await later.request('/api/v1/orgs/memo/reports/capacity?horizon=4', {
      headers: bearer(org.tokens.planner),
    });
    expect(await again.json()).toEqual(report);
  });

  it('do not serve another org the run by id', async () => {
    const { id } = await (await forecast()).json();
    const stranger = await createOrgFixture(database.db, 'stranger');
    const response = await app.request(`/api/v1/orgs/stranger/forecasts/${id}`, {
      headers: bearer(stranger.tokens.viewer),
    });
    expect(response.status).toBe(404);
  });
});

describe('a cached capacity report after a write to what it is built from', () => {
  it('shows a new scenario version at once', async () => {
    const before = await report();
    expect(await report()).toMatchObject({ runId: before.runId });
    const layoff = { type: 'layoff', date: '2026-05-11', teamIds: [checkoutId], level: 'senior', count: 1 };
    await json(`/scenarios/${planId}/versions`, { method: 'POST', body: { name: 'Plan', events: [layoff] } });
    const after = await report();
    expect(after.scenario.version).toBe(before.scenario.version + 1);
    expect(after.runId).not.toBe(before.runId);
  });

  it('shows a team edit, a new team and a deleted team at once', async () => {
    await report();
    await json(`/teams/${checkoutId}`, { method: 'PATCH', body: { headcount: { mid: 9, senior: 2 } } });
    expect(headcountNow(await report(), 'Checkout')).toMatchObject({ mid: 9 });
    const { id } = await json('/teams', {
      method: 'POST',
      body: { name: 'Payments', headcount: { mid: 3 } },
    });
    expect(headcountNow(await report(), 'Payments')).toMatchObject({ mid: 3 });
    expect((await api(`/teams/${id}`, { method: 'DELETE' })).status).toBe(204);
    expect(headcountNow(await report(), 'Payments')).toBeUndefined();
  });

  it('shows a roster import at once', async () => {
    await report();
    const csv = 'employee_id,team,level,hire_date,manager_id\r\nE1,Checkout,principal,2020-01-06,\r\n';
    const imported = await api('/roster/import', {
      method: 'POST',
      body: csv,
      headers: { 'content-type': 'text/csv' },
    });
    expect(imported.status).toBe(200);
    expect(headcountNow(await report(), 'Checkout')).toEqual(expect.objectContaining({ principal: 1 }));
    expect(headcountNow(await report(), 'Search')).toMatchObject({ junior: 0, senior: 0 });
  });

  it('follows a new plan of record at once', async () => {
    expect((await report()).scenario.id).toBe(planId);
    await json(`/scenarios/${otherId}/plan-of-record`, { method: 'POST', body: {} });
    expect((await report()).scenario.id).toBe(otherId);
    await json(`/scenarios/${planId}/plan-of-record`, { method: 'POST', body: {} });
    expect((await report()).scenario.id).toBe(planId);
  });

  it('shows org name and settings written by another connection (another process or tool) at once', async () => {
    const before = await report();
    const other = createClient({ url: database.url });
    try {
      await other.execute({
        sql: 'UPDATE orgs SET name = ? WHERE id = ?',
        args: ['Renamed elsewhere', org.id],
      });
      const renamed = await report();
      expect(renamed.runId).not.toBe(before.runId);
      const parameters = { ...defaultParameters, workHoursPerWeek: 30 };
      await other.execute({
        sql: 'INSERT INTO org_settings (org_id, levels, parameters) VALUES (?, ?, ?)',
        args: [org.id, JSON.stringify(defaultLevels), JSON.stringify(parameters)],
      });
      expect((await report()).runId).not.toBe(renamed.runId);
    } finally {
      other.close();
    }
  });
});

describe('acceptsGzip', () => {
  it('admits gzip when listed or covered by * with a q-value above 0, and not otherwise', () => {
    const cases: [string | undefined, boolean][] = [
      ['gzip, deflate, br', true],
      ['GZIP;q=0.5', true],
      ['*', true],
      ['br, *;q=0.1', true],
      ['gzip;q=0', false],
      ['gzip;q=0, *', false],
      ['br, deflate', false],
      ['', false],
      [undefined, false],
    ];
    for (const [header, expected] of cases) expect([header, acceptsGzip(header)]).toEqual([header, expected]);
  });
});

describe('model revision', () => {
  it('rises with each write to the org model and with no other write', async () => {
    const [mine, theirs] = [
      await modelRevision(database.db, org.id),
      await modelRevision(database.db, 'nobody'),
    ];
    await json('/tokens', {
      method: 'POST',
      body: { name: 'unrelated', role: 'viewer' },
      headers: bearer(org.tokens.admin),
    });
    await forecast(otherId);
    expect(await modelRevision(database.db, org.id)).toBe(mine);
    await json('/teams', { method: 'POST', body: { name: 'Growth', headcount: { mid: 1 } } });
    expect(await modelRevision(database.db, org.id)).toBe(mine + 1);
    expect(await modelRevision(database.db, 'nobody')).toBe(theirs);
  });
});
