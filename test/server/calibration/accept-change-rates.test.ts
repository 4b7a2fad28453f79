import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createOrgFixture, type OrgFixture } from '../../helpers/api-fixture';
import { type AppServer, startAppServer } from '../../helpers/app-server';
import { commit, gitDate } from '../../helpers/small-git-log';

let server: AppServer;
let org: OrgFixture;

const api = async (path: string, body?: unknown) => {
  const response = await fetch(`${server.url}/api/v1/orgs/rts${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { ...bearer(org.tokens.planner), 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: await response.json() };
};

/**
 * 20 weeks from Monday 2026-01-05: eve authors 6 changes a week and cat 5 (Monday to Friday,
 * eve twice on Mondays), dan lands each a day later. The derived roster: dan principal (he signs),
 * eve senior (most changes), cat mid.
 */
const log = () => {
  const commits: string[] = [];
  for (let week = 0; week < 20; week++) {
    for (let day = 0; day < 6; day++) {
      for (const author of day < 5 ? ['eve', 'cat'] : ['eve']) {
        const at = new Date(Date.UTC(2026, 0, 5 + week * 7 + (day % 5), author === 'eve' ? 9 : 10, day));
        commits.push(
          commit(commits.length, author, 'dan', gitDate(at), gitDate(new Date(at.getTime() + 86_400_000))),
        );
      }
    }
  }
  return commits.join('');
};

beforeAll(async () => {
  server = await startAppServer();
  org = await createOrgFixture(server.database.db, 'rts');
  const imported = await fetch(`${server.url}/api/v1/orgs/rts/history/git?team=Rates&deriveRoster=true`, {
    method: 'POST',
    headers: { ...bearer(org.tokens.planner), 'content-type': 'text/plain' },
    body: log(),
  });
  expect(imported.status).toBe(200);
});
afterAll(async () => {
  await server.close();
});

describe("accepting a calibration sets the team's own change rates", () => {
  it('stores each level’s fitted changes a week and forecasts the team at them: 5 a week by its one mid, all to sign-off', async () => {
    const team = (await api('/teams')).body.items.find((t: { name: string }) => t.name === 'Rates');
    expect(team.headcount).toEqual({ principal: 1, senior: 1, mid: 1 });
    const calibration = (await api('/calibrations', { team: 'Rates' })).body.id;
    const event = { type: 'ai-adoption', date: '2026-09-07', targetPercent: 0, rampWeeks: 4 };
    const scenario = (await api('/scenarios', { name: 'Own change rates', events: [event] })).body.id;
    const accepted = await api(`/calibrations/${calibration}/accept`, { scenario });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(201);
    // No AI: the rates are the changes per person-week, 6 (eve), 5 (cat), 0 (dan)
    expect(accepted.body.scenario.teamParameters[team.id].changesPerWeek).toEqual({
      senior: 6,
      mid: 5,
      principal: 0,
    });
    const demand = async (version: number) => {
      const options = { runs: 0, horizon: 4, startWeek: '2026-06-01', version };
      const run = await api(`/scenarios/${scenario}/forecast`, options);
      return run.body.forecast.teams.find((t: { id: string }) => t.id === team.id).metrics.signoffDemand.p50;
    };
    // Before: the ladder's 3 changes a week for a mid, half of whom use AI and author 1.47x as
    // many, 0.55 of them to sign-off: 3 x (0.5 + 0.5 x 1.47) x 0.55 = 2.03775. Accepted: 5 x 1
    expect((await demand(1)).map((d: number) => Number(d.toFixed(9)))).toEqual([
      2.03775, 2.03775, 2.03775, 2.03775,
    ]);
    expect(await demand(2)).toEqual([5, 5, 5, 5]);
  });
});
