import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { engineers, teams } from '../../../server/db/schema';
import { bearer, createOrgFixture, type OrgFixture } from '../../helpers/api-fixture';
import { type AppServer, startAppServer } from '../../helpers/app-server';

/** Roster preview, merge and replace over real HTTP, each test on a fresh database. */
let server: AppServer;
let org: OrgFixture;

const post = (path: string, csv: string, contentType = 'text/csv') =>
  fetch(`${server.url}/api/v1/orgs/rp${path}`, {
    method: 'POST',
    headers: { ...bearer(org.tokens.planner), 'content-type': contentType },
    body: csv,
  });

const roster = (...rows: string[]) => ['employee_id,team,level,hire_date', ...rows].join('\n');
/** Today: Checkout has E1 (senior) and E2 (junior), Search has E3 (mid). */
const today = roster(
  'E1,Checkout,senior,2020-01-06',
  'E2,Checkout,junior,2024-02-05',
  'E3,Search,mid,2022-03-07',
);
/** The file: E1 moves to Search, E2 becomes mid, E4 joins Ledger (new team); E3 is not in it. */
const file = roster(
  'E1,Search,senior,2020-01-06',
  'E2,Checkout,mid,2024-02-05',
  'E4,Ledger,junior,2025-01-06',
);

const state = async () => {
  const db = server.database.db;
  const rows = await db
    .select({ id: engineers.externalId, team: teams.name, level: engineers.level })
    .from(engineers)
    .innerJoin(teams, eq(teams.id, engineers.teamId))
    .where(eq(engineers.orgId, org.id))
    .orderBy(engineers.externalId);
  const counts = await db.select().from(teams).where(eq(teams.orgId, org.id)).orderBy(teams.name);
  return {
    people: rows.map((r) => `${r.id} ${r.team} ${r.level}`),
    headcounts: Object.fromEntries(counts.map((t) => [t.name, t.headcount])),
  };
};

beforeEach(async () => {
  server = await startAppServer({ clock: () => new Date('2026-06-15T12:00:00Z') });
  org = await createOrgFixture(server.database.db, 'rp');
  expect((await post('/roster/import', today)).status).toBe(200);
});
afterEach(async () => {
  await server.close();
});

describe('POST /orgs/{org}/roster/preview', () => {
  it('in replace mode lists who is added, moved, changes level and is removed, and which teams change; writes nothing', async () => {
    const before = await state();
    const response = await post('/roster/preview?mode=replace', file);
    expect(response.status).toBe(200);
    const preview = await response.json();
    expect(preview.people).toEqual({ added: 1, moved: 1, levelChanged: 1, removed: 1, unchanged: 0 });
    expect(preview.samples).toEqual({
      added: [{ employeeId: 'E4', team: 'Ledger', level: 'junior' }],
      moved: [{ employeeId: 'E1', from: 'Checkout', to: 'Search' }],
      levelChanged: [{ employeeId: 'E2', team: 'Checkout', from: 'junior', to: 'mid' }],
      removed: [{ employeeId: 'E3', team: 'Search', level: 'mid' }],
    });
    expect(preview.teams).toEqual([
      {
        name: 'Checkout',
        status: 'changed',
        before: { senior: 1, junior: 1 },
        after: { mid: 1 },
        joining: 0,
        leaving: 1,
      },
      { name: 'Ledger', status: 'new', before: {}, after: { junior: 1 }, joining: 1, leaving: 0 },
      { name: 'Search', status: 'changed', before: { mid: 1 }, after: { senior: 1 }, joining: 1, leaving: 1 },
    ]);
    expect(await state()).toEqual(before);
  });

  it('in merge mode removes no one: E3 stays in Search, which then counts E1 and E3', async () => {
    const preview = await (await post('/roster/preview?mode=merge', file)).json();
    expect(preview.people).toEqual({ added: 1, moved: 1, levelChanged: 1, removed: 0, unchanged: 0 });
    expect(preview.samples.removed).toEqual([]);
    expect(preview.teams.find((t: { name: string }) => t.name === 'Search')).toEqual({
      name: 'Search',
      status: 'changed',
      before: { mid: 1 },
      after: { mid: 1, senior: 1 },
      joining: 1,
      leaving: 0,
    });
  });

  it('answers a bad mode with 400 problem+json naming mode, and a bad row with 422 by line and column', async () => {
    const bad = await post('/roster/preview?mode=append', file);
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors).toContainEqual({ path: 'mode', message: 'must be merge or replace' });
    const row = await post('/roster/preview?mode=merge', roster('E9,Search,wizard,2020-01-06'));
    expect(row.status).toBe(422);
    expect((await row.json()).errors[0]).toMatchObject({ line: 2, column: 'level' });
  });
});

describe('POST /orgs/{org}/roster/import?mode=', () => {
  it('merge adds and updates people, keeps the rest, and recounts only the teams people join or leave', async () => {
    const response = await post('/roster/import?mode=merge', file);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ mode: 'merge', imported: 3, teamsCreated: 1 });
    expect(await state()).toEqual({
      people: ['E1 Search senior', 'E2 Checkout mid', 'E3 Search mid', 'E4 Ledger junior'],
      headcounts: { Checkout: { mid: 1 }, Ledger: { junior: 1 }, Search: { mid: 1, senior: 1 } },
    });
  });

  it('replace makes the file the whole roster (the import the preview described)', async () => {
    const preview = await (await post('/roster/preview?mode=replace', file)).json();
    expect((await post('/roster/import?mode=replace', file)).status).toBe(200);
    const after = await state();
    expect(after.people).toEqual(['E1 Search senior', 'E2 Checkout mid', 'E4 Ledger junior']);
    for (const team of preview.teams) expect(after.headcounts[team.name]).toEqual(team.after);
  });
});
