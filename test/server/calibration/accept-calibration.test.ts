import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../../server/db/schema';
import { runForecast } from '../../../shared/index';
import { bearer, createOrgFixture, type OrgFixture } from '../../helpers/api-fixture';
import { type AppServer, startAppServer } from '../../helpers/app-server';
import { smallGitLog } from '../../helpers/small-git-log';

let server: AppServer;
let org: OrgFixture;
let calibrationId: string;
let coreId: string;

const api = async (path: string, body?: unknown, token = org.tokens.planner) => {
  const response = await fetch(`${server.url}/api/v1/orgs/acc${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { ...bearer(token), 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: await response.json() };
};

const newScenario = async (name: string) => {
  const event = { type: 'ai-adoption', date: '2026-09-07', targetPercent: 80, rampWeeks: 4 };
  return (await api('/scenarios', { name, events: [event] })).body.id as string;
};

beforeAll(async () => {
  server = await startAppServer();
  org = await createOrgFixture(server.database.db, 'acc');
  const imported = await fetch(`${server.url}/api/v1/orgs/acc/history/git?team=Core&deriveRoster=true`, {
    method: 'POST',
    headers: { ...bearer(org.tokens.planner), 'content-type': 'text/plain' },
    body: smallGitLog(),
  });
  expect(imported.status).toBe(200);
  calibrationId = (await api('/calibrations', { team: 'Core' })).body.id;
  coreId = (await api('/teams')).body.items.find((t: { name: string }) => t.name === 'Core').id;
});
afterAll(async () => {
  await server.close();
});

const auditOf = (entity: string, entityId: string) =>
  server.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entity, entity), eq(auditLog.entityId, entityId)))
    .all();

describe('accepting a calibration', () => {
  it("makes the scenario's next version with the team's fitted parameters, its events kept, audited", async () => {
    const scenario = await newScenario('Accept here');
    const accepted = await api(`/calibrations/${calibrationId}/accept`, { scenario, version: 1 });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(201);
    expect(accepted.body).toMatchObject({ id: scenario, version: 2 });
    const entry = accepted.body.scenario.teamParameters[coreId];
    expect(entry.calibrationId).toBe(calibrationId);
    // Every change by bob (mid) is signed off, each a day after it was authored, 3 a week, all by
    // lee: 1 of the 2 sign-off-level people (ann, lee) reviews, so an M/M/1 queue keeps a change
    // s / (1 - 3s) weeks, = 1 day (1/7 week) at s = 0.1 week of review at 6 h x 0.87 a week = 0.522 h
    expect(entry.parameters.ordinaryReviewShare).toBe(1);
    expect(entry.parameters.activeReviewerShare).toBe(0.5);
    expect(entry.parameters.humanReviewHours).toBeCloseTo(0.522, 3);
    // 3 sign-offs every week vary less than Poisson counts: no burstiness
    expect(entry.parameters.arrivalDispersion).toBe(0);
    // 3 changes a week each by bob (mid) and ann (senior), none by lee (principal), no AI
    expect(entry.changesPerWeek).toEqual({ mid: 3, senior: 3, principal: 0 });
    expect(accepted.body.scenario.events).toHaveLength(1);
    expect((await api(`/scenarios/${scenario}`)).body).toEqual(accepted.body);
    const accepts = await auditOf('calibration', calibrationId).then((rows) =>
      rows.filter(
        (r) => r.action === 'accept' && (r.after as { scenarioId: string }).scenarioId === scenario,
      ),
    );
    expect(accepts.map((r) => r.after)).toEqual([{ scenarioId: scenario, version: 2, teamId: coreId }]);
    expect((await auditOf('scenario', scenario)).map((r) => r.action).sort()).toEqual([
      'create',
      'save-version',
    ]);
  });

  it("forecasts the accepted version as the engine forecasts the org with the team's override", async () => {
    const scenario = await newScenario('Forecast accepted');
    const v2 = (await api(`/calibrations/${calibrationId}/accept`, { scenario })).body;
    const options = { runs: 0, horizon: 8, startWeek: '2026-08-03' };
    const run = async (version: number) =>
      (await api(`/scenarios/${scenario}/forecast`, { ...options, version })).body.forecast.teams.find(
        (t: { id: string }) => t.id === coreId,
      ).metrics;
    // The model's breach thresholds do not move the compared series
    const { thresholds: _, ...model } = (await api('/model')).body;
    const oracle = runForecast({
      ...model,
      org: {
        ...model.org,
        teams: model.org.teams.map((t: { id: string }) =>
          t.id === coreId
            ? {
                ...t,
                parameters: v2.scenario.teamParameters[coreId].parameters,
                changesPerWeek: v2.scenario.teamParameters[coreId].changesPerWeek,
              }
            : t,
        ),
      },
      scenario: { name: 'oracle', events: v2.scenario.events },
      options: { startWeek: options.startWeek, horizonWeeks: options.horizon, runs: 0 },
    }).teams.find((t) => t.id === coreId)!.metrics;
    const accepted = await run(2);
    const before = await run(1);
    for (const metric of ['capacityHours', 'demandHours', 'signoffDemand'] as const) {
      accepted[metric].p50.forEach((value: number, w: number) => {
        expect(value).toBeCloseTo(oracle[metric].p50[w]!, 3);
      });
    }
    expect(accepted.demandHours.p50[0]).not.toBeCloseTo(before.demandHours.p50[0], 3);
  });

  it('states how wrong the model has been beside the forecast and in the capacity report, JSON and CSV', async () => {
    const scenario = await newScenario('Model error');
    await api(`/calibrations/${calibrationId}/accept`, { scenario });
    const calibration = (await api(`/calibrations/${calibrationId}`)).body;
    const atFour = (metric: string) => calibration.backtest.metrics[metric].byHorizon['4'];
    const run = await api(`/scenarios/${scenario}/forecast`, {
      runs: 0,
      horizon: 8,
      startWeek: '2026-08-03',
    });
    const lines = run.body.summary.modelError;
    const core = lines.find((l: { teamId: string }) => l.teamId === coreId);
    expect(core).toMatchObject({ status: 'calibrated', calibrationId, horizonWeeks: 4, testedWeeks: 12 });
    expect(core.metrics.open).toEqual({
      medianError: atFour('open').medianError,
      coverage: atFour('open').coverage,
    });
    expect(core.text).toContain(
      `sign-off demand median abs error ${Math.round(atFour('signoffDemand').medianError * 100)}% at 4 weeks`,
    );
    const v1 = await api(`/scenarios/${scenario}/forecast`, {
      runs: 0,
      horizon: 8,
      startWeek: '2026-08-03',
      version: 1,
    });
    expect(v1.body.summary.modelError.find((l: { teamId: string }) => l.teamId === coreId)).toMatchObject({
      status: 'uncalibrated',
      text: 'Not calibrated: this team’s forecast uses the org’s parameters; how wrong it is is unmeasured.',
    });
    const report = await api(`/reports/capacity?scenario=${scenario}&horizon=52`);
    const row = report.body.rows.find((r: { teamId: string }) => r.teamId === coreId);
    expect(row.modelError).toMatch(/at 12 weeks.*; not tested beyond 12 weeks\.$/);
    const csv = await fetch(
      `${server.url}/api/v1/orgs/acc/reports/capacity?scenario=${scenario}&format=csv`,
      {
        headers: bearer(org.tokens.viewer),
      },
    ).then((r) => r.text());
    const [header, ...rows] = csv.trim().split('\r\n');
    expect(header!.split(',').at(-1)).toBe('model_error');
    expect(rows.find((r) => r.includes(coreId))).toContain('not tested beyond 12 weeks.');
  });

  it('refuses bad input with problem+json naming the field, writing nothing', async () => {
    const scenario = await newScenario('Refusals');
    const orgWide = (await api('/calibrations', {})).body.id;
    const cases: [string, unknown, number, string][] = [
      [calibrationId, { scenario: 'missing' }, 422, 'scenario'],
      [orgWide, { scenario }, 422, 'id'],
      [calibrationId, { scenario, version: 7 }, 409, 'version'],
      [calibrationId, { scenario, teem: 1 }, 422, 'teem'],
      [calibrationId, { scenario, version: 0 }, 422, 'version'],
    ];
    for (const [id, body, status, field] of cases) {
      const refused = await api(`/calibrations/${id}/accept`, body);
      expect(refused.status, JSON.stringify(refused.body)).toBe(status);
      expect(JSON.stringify(refused.body.errors)).toContain(field);
    }
    expect((await api('/calibrations/nope/accept', { scenario })).status).toBe(404);
    expect((await api(`/calibrations/${calibrationId}/accept`, { scenario }, org.tokens.viewer)).status).toBe(
      403,
    );
    expect((await api(`/scenarios/${scenario}`)).body.version).toBe(1);
    const accepts = (await auditOf('calibration', orgWide)).filter((r) => r.action === 'accept');
    expect(accepts).toEqual([]);
  });
});
