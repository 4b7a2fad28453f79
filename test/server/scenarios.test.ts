import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createOrgFixture, type OrgFixture, sendJson } from '../helpers/api-fixture';
import { type AppServer, startAppServer } from '../helpers/app-server';

/** One server and org with one team; every test creates the scenarios it reads, so order never matters. */
let server: AppServer;
let org: OrgFixture;
let teamId: string;
const base = () => `${server.url}/api/v1/orgs/plans`;
const post = (path: string, body: unknown) =>
  sendJson(`${base()}${path}`, 'POST', body, bearer(org.tokens.planner));
const get = (path: string) => fetch(`${base()}${path}`, { headers: bearer(org.tokens.viewer) });

beforeAll(async () => {
  server = await startAppServer();
  org = await createOrgFixture(server.database.db, 'plans');
  teamId = (await (await post('/teams', { name: 'Core', headcount: { senior: 3, mid: 4 } })).json()).id;
});
afterAll(async () => {
  await server.close();
});

const layoff = (percent: number) => ({ type: 'layoff', date: '2026-03-02', percent });

describe('scenarios', () => {
  it('saves every change as a new immutable version and diffs two versions', async () => {
    const created = await post('/scenarios', { name: 'Cuts', events: [layoff(10)] });
    expect(created.status).toBe(201);
    const v1 = await created.json();
    expect(v1).toMatchObject({ version: 1, planOfRecord: false, scenario: { name: 'Cuts' } });
    const v2 = await (
      await post(`/scenarios/${v1.id}/versions`, { name: 'Cuts', events: [layoff(20)] })
    ).json();
    expect(v2.version).toBe(2);
    expect((await (await get(`/scenarios/${v1.id}/versions/1`)).json()).scenario.events[0].percent).toBe(10);
    expect((await (await get(`/scenarios/${v1.id}`)).json()).version).toBe(2);
    const versions = await (await get(`/scenarios/${v1.id}/versions`)).json();
    expect(versions.items.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    const page = await (await get(`/scenarios/${v1.id}/versions?limit=1`)).json();
    const next = await (await get(`/scenarios/${v1.id}/versions?limit=1&cursor=${page.nextCursor}`)).json();
    expect([page.items[0].version, next.items[0].version, next.nextCursor]).toEqual([2, 1, null]);
    const diff = await (await get(`/scenarios/${v1.id}/diff?from=1&to=2`)).json();
    expect(diff).toEqual({
      from: 1,
      to: 2,
      changes: [{ path: 'events[0].percent', kind: 'changed', from: 10, to: 20 }],
    });
  });

  it('keeps one plan of record per org: marking another scenario moves it', async () => {
    const a = await (await post('/scenarios', { name: 'A', events: [] })).json();
    const b = await (await post('/scenarios', { name: 'B', events: [] })).json();
    expect((await post(`/scenarios/${a.id}/plan-of-record`, {})).status).toBe(200);
    expect((await post(`/scenarios/${b.id}/plan-of-record`, {})).status).toBe(200);
    const list = await (await get('/scenarios?limit=200')).json();
    const marked = list.items.filter((s: { planOfRecord: boolean }) => s.planOfRecord);
    expect(marked.map((s: { id: string }) => s.id)).toEqual([b.id]);
  });

  it('paginates the list with limit and cursor without repeats', async () => {
    for (const name of ['Page 1', 'Page 2', 'Page 3']) await post('/scenarios', { name, events: [] });
    const first = await (await get('/scenarios?limit=2')).json();
    const second = await (await get(`/scenarios?limit=2&cursor=${first.nextCursor}`)).json();
    expect(first.items).toHaveLength(2);
    expect(second.items.length).toBeGreaterThanOrEqual(1);
    const ids = [...first.items, ...second.items].map((s: { id: string }) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each([
    [{ name: 'X', events: [layoff(120)] }, 'events[0].percent', 'must be between 0 and 100'],
    [{ name: 'X', events: [], colour: 'red' }, 'colour', 'unknown field'],
    [
      { name: 'X', events: [{ type: 'hire', date: '2026-01-05', teamId: 'ghost', level: 'mid', count: 2 }] },
      'events[0].teamId',
      'unknown team "ghost"',
    ],
    [
      { name: 'X', events: [{ type: 'hire', date: '2026-02-30', teamId: 'x', level: 'mid', count: 2 }] },
      'events[0].date',
      'real calendar date',
    ],
  ])('answers 422 naming the field for %j', async (body, path, message) => {
    const response = await post('/scenarios', body);
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    const errors: { path: string; message: string }[] = (await response.json()).errors;
    expect(
      errors.some((e) => e.path === path && e.message.includes(message)),
      JSON.stringify(errors),
    ).toBe(true);
  });

  it('accepts events that name the org’s own team ids', async () => {
    const body = {
      name: 'Hire',
      events: [{ type: 'hire', date: '2026-01-05', teamId, level: 'senior', count: 2 }],
    };
    expect((await post('/scenarios', body)).status).toBe(201);
  });

  it('answers 400 for a bad query parameter and for malformed JSON, and 413 for a body over 1 MiB', async () => {
    expect((await get('/scenarios?limit=0')).status).toBe(400);
    expect((await get('/scenarios?cursor=bm9wZQ')).status).toBe(400);
    const emptyPatch = await sendJson(`${base()}/teams/${teamId}`, 'PATCH', {}, bearer(org.tokens.planner));
    expect(emptyPatch.status).toBe(422);
    const malformed = await fetch(`${base()}/scenarios`, {
      method: 'POST',
      headers: { ...bearer(org.tokens.planner), 'content-type': 'application/json' },
      body: '{"name":',
    });
    expect(malformed.status).toBe(400);
    const huge = await post('/scenarios', { name: 'X', description: 'x'.repeat(1_100_000), events: [] });
    expect(huge.status).toBe(413);
  });

  it('answers 404 for an unknown scenario and version', async () => {
    expect((await get('/scenarios/nope')).status).toBe(404);
    const a = await (await post('/scenarios', { name: 'One', events: [] })).json();
    expect((await get(`/scenarios/${a.id}/versions/9`)).status).toBe(404);
  });
});
