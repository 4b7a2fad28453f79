import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createOrgFixture, type OrgFixture } from '../../helpers/api-fixture';
import { type AppServer, startAppServer } from '../../helpers/app-server';
import { smallGitLog } from '../../helpers/small-git-log';

let server: AppServer;
let org: OrgFixture;

const log = smallGitLog();

const api = (path: string, init: RequestInit = {}, token = org.tokens.planner) =>
  fetch(`${server.url}/api/v1/orgs/cal${path}`, {
    ...init,
    headers: { ...bearer(token), 'content-type': 'application/json', ...init.headers },
  });

beforeAll(async () => {
  server = await startAppServer();
  org = await createOrgFixture(server.database.db, 'cal');
  const imported = await api('/history/git?team=Core&deriveRoster=true', {
    method: 'POST',
    body: log,
    headers: { 'content-type': 'text/plain' },
  });
  expect(imported.status, await imported.text()).toBe(200);
});
afterAll(async () => {
  await server.close();
});

describe('calibrations API', () => {
  it('stores a team calibration with provenance and returns the same JSON from GET', async () => {
    const created = await api('/calibrations', { method: 'POST', body: JSON.stringify({ team: 'Core' }) });
    const body = await created.json();
    expect(created.status, JSON.stringify(body)).toBe(201);
    expect(body.team).toBe('Core');
    // 30 weeks from 2026-01-05; the last event lands on Thursday 2026-07-30, inside the week from
    // 2026-07-27, which is left out (partial): 29 weeks of actuals, 2026-01-05 to 2026-07-20
    expect(body.provenance).toMatchObject({
      changes: 180,
      from: '2026-01-06',
      to: '2026-07-30',
      partialWeek: '2026-07-27',
    });
    expect(body.actuals).toHaveLength(29);
    expect(body.actuals.at(-1).week).toBe('2026-07-20');
    // The derived roster: lee (lands others' changes) principal, ann senior, bob mid; so the
    // sign-off demand is bob's 3 changes a week, each landed the next day
    expect(body.actuals[3]).toMatchObject({
      week: '2026-01-26',
      authored: 6,
      signoffDemand: 3,
      signoffsCompleted: 3,
      medianHoursToSignoff: 24,
    });
    expect(body.fitted.ordinaryReviewShare.value).toBe(1);
    // Each change signed a day after it was authored, 3 a week, all by lee, 1 of the 2 sign-off-level
    // people (ann, lee): an M/M/1 queue keeps a change s / (1 - 3s) weeks, = 1/7 week at s = 0.1 week
    // of review at 6 h x 0.87 a week = 0.522 h
    expect(body.fitted.activeReviewerShare.value).toBe(0.5);
    expect(body.fitted.humanReviewHours.value).toBeCloseTo(0.522, 3);
    // Origins at weeks 8 to 28 (at least 8 weeks of fit before each); the last whose 12 weeks all
    // happened is week 29 - 12 = 17
    expect(body.backtest).toMatchObject({ origins: 21, horizonWeeks: 12 });
    expect(body.backtest.fan.origin).toBe('2026-05-04');
    expect(body.backtest.fan.origin).toBe(body.actuals[17].week);
    expect(body.backtest.fan.metrics.signoffDemand.actual).toEqual(Array(12).fill(3));
    expect(Object.keys(body.backtest.metrics)).toEqual([
      'signoffDemand',
      'signoffsCompleted',
      'open',
      'medianHoursToSignoff',
    ]);
    const read = await api(`/calibrations/${body.id}`, {}, org.tokens.viewer);
    expect(read.status).toBe(200);
    expect(await read.json()).toEqual(body);
  });

  it('answers 404 naming the team for an unknown team, and 422 naming an unknown field', async () => {
    const unknown = await api('/calibrations', { method: 'POST', body: JSON.stringify({ team: 'Nope' }) });
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).errors).toEqual([{ path: 'team', message: 'no team of that name' }]);
    const extra = await api('/calibrations', { method: 'POST', body: JSON.stringify({ teem: 'Core' }) });
    expect(extra.status).toBe(422);
    expect(JSON.stringify(await extra.json())).toContain('teem');
    expect((await api('/calibrations/missing', {}, org.tokens.viewer)).status).toBe(404);
  });
});
