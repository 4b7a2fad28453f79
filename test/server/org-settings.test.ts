import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, orgs } from '../../server/db/schema';
import type { ParameterCatalogue } from '../../shared';
import { bearer, createOrgFixture, type OrgFixture, sendJson } from '../helpers/api-fixture';
import { type AppServer, startAppServer } from '../helpers/app-server';

/** Org settings over the API: the level ladder with its orphan check, the parameter catalogue, the model revision. */
let server: AppServer;
let acme: OrgFixture;

beforeAll(async () => {
  server = await startAppServer();
  acme = await createOrgFixture(server.database.db, 'acme');
});
afterAll(async () => {
  await server.close();
});

const api = (path: string) => `${server.url}/api/v1/orgs/acme${path}`;
const admin = () => bearer(acme.tokens.admin);
const get = async (path: string) => (await fetch(api(path), { headers: admin() })).json();
const patch = (body: unknown) => sendJson(api(''), 'PATCH', body, admin());
const post = async (path: string, body: unknown) => {
  const response = await sendJson(api(path), 'POST', body, admin());
  expect(response.status, await response.clone().text()).toBeLessThan(300);
  return response.json();
};

const catalogue = async () => (await get('/parameters')) as ParameterCatalogue;
const parameter = async (name: string) => (await catalogue()).items.find((p) => p.name === name)!;

const ladder = [
  { id: 'junior', name: 'Junior', canSignOff: false, changesPerWeek: 2.5 },
  { id: 'mid', name: 'Mid-level', canSignOff: false, changesPerWeek: 3 },
  { id: 'senior', name: 'Senior', canSignOff: true, changesPerWeek: 3 },
  { id: 'principal', name: 'Principal', canSignOff: true, changesPerWeek: 2 },
];

describe('parameter catalogue', () => {
  it('lists every parameter with its cited default, unit and allowed range, a new org on the defaults', async () => {
    const fresh = await createOrgFixture(server.database.db, 'defaults');
    const response = await fetch(`${server.url}/api/v1/orgs/defaults/parameters`, {
      headers: bearer(fresh.tokens.admin),
    });
    const { items } = (await response.json()) as ParameterCatalogue;
    expect(items.map((p) => p.name)).toEqual([
      'baselineAiAdoption',
      'adopterChangeMultiplier',
      'aiAssistedShare',
      'humanReviewHours',
      'aiReviewTimeMultiplier',
      'ordinaryReviewShare',
      'reviewHoursPerReviewer',
      'shrinkage',
      'workHoursPerWeek',
      'maxOvertimeHours',
      'overtimeResponse',
      'fatigueGain',
      'fatigueRecovery',
      'baseAttritionPerYear',
      'burnoutHazardMultiplier',
      'sev2PerThousandChanges',
      'aiDefectMultiplier',
      'depthSensitivity',
      'incidentHours',
      'serviceCv',
      'activeReviewerShare',
      'arrivalDispersion',
    ]);
    expect(items.every((p) => p.value === p.default && !p.overridden && p.source.length > 0)).toBe(true);
    const byName = Object.fromEntries(items.map((p) => [p.name, p]));
    expect(byName.aiReviewTimeMultiplier).toMatchObject({
      default: 1.91,
      min: 0,
      max: 1000,
      aboveMin: false,
    });
    expect(byName.aiReviewTimeMultiplier!.source).toContain('[R07]');
    expect(byName.shrinkage).toMatchObject({ default: 0.13, min: 0, max: 1, uncertainty: null });
    expect(byName.workHoursPerWeek).toMatchObject({ default: 40, max: 168, aboveMin: true });
    expect(byName.humanReviewHours).toMatchObject({ default: 0.8, aboveMin: true, uncertainty: [0.7, 1.4] });
  });
});

describe('PATCH /orgs/{org} parameters', () => {
  it('stores a value, audits it, raises the model revision, and null restores the default', async () => {
    const before = (await catalogue()).modelRevision;
    const settingsAudit = () =>
      server.database.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.orgId, acme.id), eq(auditLog.entity, 'org-settings')))
        .all();
    const earlier = new Set((await settingsAudit()).map((entry) => entry.id));
    const response = await patch({ parameters: { shrinkage: 0.2, incidentHours: 9 } });
    expect(response.status, await response.clone().text()).toBe(200);
    const org = await response.json();
    expect(org.parameters.shrinkage).toBe(0.2);
    expect(org.modelRevision).toBeGreaterThan(before);
    expect(await parameter('shrinkage')).toMatchObject({ value: 0.2, default: 0.13, overridden: true });
    expect((await get('/model')).parameters.incidentHours).toBe(9);
    const entries = (await settingsAudit()).filter((entry) => !earlier.has(entry.id));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      action: 'update',
      actor: expect.stringMatching(/^token:/),
      before: { parameters: { shrinkage: 0.13, incidentHours: 6 } },
      after: { parameters: { shrinkage: 0.2, incidentHours: 9 } },
    });

    expect((await patch({ parameters: { shrinkage: null, incidentHours: null } })).status).toBe(200);
    expect(await parameter('shrinkage')).toMatchObject({ value: 0.13, overridden: false });
    expect(await parameter('incidentHours')).toMatchObject({ value: 6, overridden: false });
  });

  it.each([
    [{ parameters: { shrinkage: 1.5 } }, 'parameters.shrinkage', 'must be between 0 and 1'],
    [{ parameters: { humanReviewHours: 0 } }, 'parameters.humanReviewHours', 'must be above 0'],
    [{ parameters: { workHoursPerWeek: 'forty' } }, 'parameters.workHoursPerWeek', 'must be a number'],
    [{ parameters: { reviewSpeed: 2 } }, 'parameters.reviewSpeed', 'unknown field'],
  ])('refuses %j with 422 naming %s, storing nothing', async (body, path, message) => {
    const before = await get('');
    const response = await patch(body);
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    const problem = await response.json();
    expect(problem.errors).toEqual([{ path, message: expect.stringContaining(message) }]);
    expect(await get('')).toEqual(before);
  });

  it('makes the next forecast of an unchanged scenario a new run computed with the new value', async () => {
    await post('/teams', { name: 'Forecast team', headcount: { junior: 4, senior: 2 } });
    const scenario = await post('/scenarios', { name: 'Stale check', events: [] });
    const forecast = () =>
      sendJson(api(`/scenarios/${scenario.id}/forecast`), 'POST', { runs: 0, horizon: 8 }, admin());
    const first = await forecast();
    expect(first.status).toBe(201);
    const firstRun = await first.json();
    expect((await forecast()).status).toBe(200);
    expect((await patch({ parameters: { reviewHoursPerReviewer: 3 } })).status).toBe(200);
    const second = await forecast();
    expect(second.status).toBe(201);
    expect((await second.json()).id).not.toBe(firstRun.id);
    expect((await patch({ parameters: { reviewHoursPerReviewer: null } })).status).toBe(200);
  });
});

describe('PATCH /orgs/{org} levels', () => {
  it('renames, reorders and adds levels, and the model takes the new ladder', async () => {
    const next = [
      { id: 'junior', name: 'Associate', canSignOff: false, changesPerWeek: 2 },
      ladder[1]!,
      { id: 'staff', name: 'Staff', canSignOff: true, changesPerWeek: 2.5 },
      ladder[2]!,
      ladder[3]!,
    ];
    const response = await patch({ levels: next });
    expect(response.status, await response.clone().text()).toBe(200);
    expect((await response.json()).levels).toEqual(next);
    expect((await get('/model')).org.levels).toEqual(next);
    expect((await patch({ levels: ladder })).status).toBe(200);
  });

  it.each([
    [
      'a repeated id',
      [ladder[0], { ...ladder[1], id: 'junior' }, ladder[2]],
      'levels[1].id',
      'duplicate level id "junior"',
    ],
    [
      'no level that signs off',
      [ladder[0], ladder[1]],
      'levels',
      'at least one level must be able to sign off',
    ],
    ['no level', [], 'levels', 'must list at least one level'],
    ['an id with a space', [{ ...ladder[2], id: 'has space' }], 'levels[0].id', 'must be 1-64 letters'],
  ])(
    'refuses a ladder with %s (422 naming the field) and keeps the old one',
    async (_case, levels, path, message) => {
      const response = await patch({ levels });
      expect(response.status).toBe(422);
      expect((await response.json()).errors).toContainEqual({
        path,
        message: expect.stringContaining(message),
      });
      expect((await get('')).levels).toEqual(ladder);
    },
  );

  it('refuses to remove levels the roster, a team headcount or a scenario event uses, naming each use, and changes nothing', async () => {
    const org = await createOrgFixture(server.database.db, 'orphans');
    const base = `${server.url}/api/v1/orgs/orphans`;
    const headers = bearer(org.tokens.admin);
    const roster =
      'employee_id,team,level,hire_date\nE1,Alpha,junior,2020-01-06\nE2,Alpha,senior,2021-01-04\n';
    const imported = await fetch(`${base}/roster/import`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'text/csv' },
      body: roster,
    });
    expect(imported.status, await imported.clone().text()).toBe(200);
    const beta = await (
      await sendJson(`${base}/teams`, 'POST', { name: 'Beta', headcount: { mid: 3, senior: 1 } }, headers)
    ).json();
    const events = [{ type: 'hire', date: '2026-06-01', teamId: beta.id, level: 'principal', count: 1 }];
    expect((await sendJson(`${base}/scenarios`, 'POST', { name: 'Growth', events }, headers)).status).toBe(
      201,
    );
    const read = async () => (await fetch(base, { headers })).json();
    const before = await read();

    const response = await sendJson(base, 'PATCH', { timeZone: 'Europe/Rome', levels: [ladder[2]] }, headers);
    expect(response.status).toBe(409);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect((await response.json()).errors).toEqual([
      {
        path: 'levels',
        message:
          'level "junior" cannot be removed: still used by 1 roster engineer(s) (E1); the headcount of team(s) Alpha',
      },
      {
        path: 'levels',
        message: 'level "mid" cannot be removed: still used by the headcount of team(s) Beta',
      },
      {
        path: 'levels',
        message:
          'level "principal" cannot be removed: still used by scenario events "Growth" v1 events[0].level',
      },
    ]);
    expect(await read()).toEqual(before);
    const zone = await server.database.db
      .select({ timeZone: orgs.timeZone })
      .from(orgs)
      .where(eq(orgs.id, org.id))
      .get();
    expect(zone?.timeZone).toBe('UTC');
  });

  it('removes an unused level and drops its zero headcounts from every team in the same change', async () => {
    const org = await createOrgFixture(server.database.db, 'unused');
    const base = `${server.url}/api/v1/orgs/unused`;
    const headers = bearer(org.tokens.admin);
    const team = await (
      await sendJson(
        `${base}/teams`,
        'POST',
        { name: 'Gamma', headcount: { principal: 0, senior: 2 } },
        headers,
      )
    ).json();
    const response = await sendJson(base, 'PATCH', { levels: ladder.slice(0, 3) }, headers);
    expect(response.status, await response.clone().text()).toBe(200);
    expect((await (await fetch(`${base}/teams/${team.id}`, { headers })).json()).headcount).toEqual({
      senior: 2,
    });
  });
});
