import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { engineers } from '../../../server/db/schema';
import { bearer, createOrgFixture, type OrgFixture, sendJson } from '../../helpers/api-fixture';
import { type AppServer, startAppServer } from '../../helpers/app-server';

/** Deleting a team over real HTTP, each test on a fresh database: Alpha (2 people, parent of Gamma), Beta (1), Gamma (1). */
let server: AppServer;
let org: OrgFixture;
const ids: Record<string, string> = {};
const base = () => `${server.url}/api/v1/orgs/del`;
const call = (method: string, path: string, body?: unknown) =>
  sendJson(`${base()}${path}`, method, body, bearer(org.tokens.planner));
const json = async (method: string, path: string, body?: unknown) => {
  const response = await call(method, path, body);
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response.status === 204 ? undefined : response.json();
};
const rule = (name: string, teams: string[]) => ({
  name,
  metric: 'backlogWeeks',
  comparator: '>',
  threshold: 2,
  lookaheadWeeks: 8,
  schedule: '0 9 * * 1',
  timezone: 'UTC',
  teams,
  webhook: { url: 'http://127.0.0.1:9/hook', secret: 'delete-test-secret-0123' },
});
const peopleIn = async (team: string) =>
  (await server.database.db.select().from(engineers).where(eq(engineers.teamId, team)))
    .map((e) => e.externalId)
    .sort();

beforeEach(async () => {
  server = await startAppServer({ clock: () => new Date('2026-06-15T12:00:00Z') });
  org = await createOrgFixture(server.database.db, 'del');
  const csv = [
    'employee_id,team,level,hire_date',
    'A1,Alpha,senior,2020-01-06',
    'A2,Alpha,junior,2024-02-05',
    'B1,Beta,mid,2022-03-07',
    'G1,Gamma,mid,2021-05-03',
  ].join('\n');
  await fetch(`${base()}/roster/import`, {
    method: 'POST',
    headers: { ...bearer(org.tokens.planner), 'content-type': 'text/csv' },
    body: csv,
  });
  for (const t of (await json('GET', '/teams')).items) ids[t.name] = t.id;
  await json('PATCH', `/teams/${ids.Gamma}`, { parentId: ids.Alpha });
});
afterEach(async () => {
  await server.close();
});

describe('GET /orgs/{org}/teams/{id}/deletion', () => {
  it('says what a delete would do: people, child teams, scenarios naming the team, alert rules watching it', async () => {
    await json('POST', '/scenarios', {
      name: 'Cut Alpha',
      events: [{ type: 'layoff', date: '2026-07-06', teamIds: [ids.Alpha], percent: 10 }],
    });
    const only = await json('POST', '/alert-rules', rule('Only Alpha', [ids.Alpha as string]));
    const both = await json(
      'POST',
      '/alert-rules',
      rule('Alpha and Beta', [ids.Alpha as string, ids.Beta as string]),
    );
    const impact = await json('GET', `/teams/${ids.Alpha}/deletion`);
    expect(impact).toMatchObject({
      team: { id: ids.Alpha, name: 'Alpha', headcount: { senior: 1, junior: 1 } },
      engineers: 2,
      childTeams: [{ id: ids.Gamma, name: 'Gamma' }],
      scenarios: [{ name: 'Cut Alpha', planOfRecord: false }],
      alertRules: [
        { id: both.id, name: 'Alpha and Beta', paused: false },
        { id: only.id, name: 'Only Alpha', paused: true },
      ],
    });
  });
});

describe('DELETE /orgs/{org}/teams/{id}', () => {
  it('is refused with 409 naming the scenario while one names the team, and changes nothing', async () => {
    await json('POST', '/scenarios', {
      name: 'Cut Beta',
      events: [{ type: 'layoff', date: '2026-07-06', teamIds: [ids.Beta], percent: 10 }],
    });
    const response = await call('DELETE', `/teams/${ids.Beta}`);
    expect(response.status).toBe(409);
    expect((await response.json()).detail).toContain('"Cut Beta"');
    expect(await peopleIn(ids.Beta as string)).toEqual(['B1']);
  });

  it('moves the people to another team, whose headcount gains their levels; rules lose the team, one left empty is paused', async () => {
    const only = await json('POST', '/alert-rules', rule('Only Alpha', [ids.Alpha as string]));
    const both = await json(
      'POST',
      '/alert-rules',
      rule('Alpha and Beta', [ids.Alpha as string, ids.Beta as string]),
    );
    expect((await call('DELETE', `/teams/${ids.Alpha}?moveEngineersTo=${ids.Beta}`)).status).toBe(204);
    expect(await peopleIn(ids.Beta as string)).toEqual(['A1', 'A2', 'B1']);
    expect((await json('GET', `/teams/${ids.Beta}`)).headcount).toEqual({ mid: 1, senior: 1, junior: 1 });
    expect((await json('GET', `/teams/${ids.Gamma}`)).parentId).toBeNull();
    expect(await json('GET', `/alert-rules/${only.id}`)).toMatchObject({ paused: true, teams: null });
    expect(await json('GET', `/alert-rules/${both.id}`)).toMatchObject({ paused: false, teams: [ids.Beta] });
  });

  it('deletes the people with the team when no team takes them', async () => {
    expect((await call('DELETE', `/teams/${ids.Alpha}`)).status).toBe(204);
    expect(await peopleIn(ids.Alpha as string)).toEqual([]);
    expect((await call('GET', `/teams/${ids.Alpha}`)).status).toBe(404);
  });

  it.each([
    ['a team of no org', 'no-such-team', 'no such team in this org'],
    ['the team itself', 'self', 'must be another team than the one deleted'],
  ])(
    'answers moveEngineersTo = %s with 422 naming moveEngineersTo and deletes nothing',
    async (_, target, message) => {
      const to = target === 'self' ? ids.Alpha : target;
      const response = await call('DELETE', `/teams/${ids.Alpha}?moveEngineersTo=${to}`);
      expect(response.status).toBe(422);
      expect((await response.json()).errors).toEqual([{ path: 'moveEngineersTo', message }]);
      expect(await peopleIn(ids.Alpha as string)).toEqual(['A1', 'A2']);
    },
  );
});
