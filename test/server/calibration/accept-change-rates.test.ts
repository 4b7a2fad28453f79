import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createOrgFixture, type OrgFixture } from '../../helpers/api-fixture';
import { type AppServer, startAppServer } from '../../helpers/app-server';
import { commit, gitDate } from '../../helpers/small-git-log';

let server: AppServer;
const orgs: Record<string, OrgFixture> = {};

const api = async (slug: string, path: string, body?: unknown) => {
  const response = await fetch(`${server.url}/api/v1/orgs/${slug}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { ...bearer(orgs[slug]!.tokens.planner), 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: await response.json() };
};

/**
 * 20 weeks from Monday 2026-01-05: in week w each of `authors(w)` authors a change, the i-th on
 * day i mod 5 (Monday to Friday), and dan lands each a day later.
 */
const log = (authors: (week: number) => string[]) => {
  const commits: string[] = [];
  for (let week = 0; week < 20; week++) {
    authors(week).forEach((author, i) => {
      const at = new Date(Date.UTC(2026, 0, 5 + week * 7 + (i % 5), author === 'eve' ? 9 : 10, i));
      commits.push(
        commit(commits.length, author, 'dan', gitDate(at), gitDate(new Date(at.getTime() + 86_400_000))),
      );
    });
  }
  return commits.join('');
};

const repeat = (author: string, times: number) => Array<string>(times).fill(author);

/**
 * Org rts: eve authors 6 changes a week and cat 5; org bst: eve 6 a week, cat 1 in even weeks and
 * 5 in odd ones. The derived rosters: dan principal (he signs), eve senior (most changes), cat mid.
 */
const histories = {
  rts: { team: 'Rates', log: log(() => [...repeat('eve', 6), ...repeat('cat', 5)]) },
  bst: { team: 'Bursts', log: log((week) => [...repeat('eve', 6), ...repeat('cat', week % 2 ? 5 : 1)]) },
};

beforeAll(async () => {
  server = await startAppServer();
  for (const [slug, { team, log: body }] of Object.entries(histories)) {
    orgs[slug] = await createOrgFixture(server.database.db, slug);
    const imported = await fetch(
      `${server.url}/api/v1/orgs/${slug}/history/git?team=${team}&deriveRoster=true`,
      {
        method: 'POST',
        headers: { ...bearer(orgs[slug]!.tokens.planner), 'content-type': 'text/plain' },
        body,
      },
    );
    expect(imported.status).toBe(200);
  }
});
afterAll(async () => {
  await server.close();
});

/** Calibrates the org's team and accepts it into a new scenario (no events but `events`). */
const calibrateAndAccept = async (slug: 'rts' | 'bst', events: unknown[] = []) => {
  const name = histories[slug].team;
  const team = (await api(slug, '/teams')).body.items.find((t: { name: string }) => t.name === name);
  expect(team.headcount).toEqual({ principal: 1, senior: 1, mid: 1 });
  const calibration = (await api(slug, '/calibrations', { team: name })).body;
  const scenario = (await api(slug, '/scenarios', { name: 'Accepted', events })).body.id;
  const accepted = await api(slug, `/calibrations/${calibration.id}/accept`, { scenario });
  expect(accepted.status, JSON.stringify(accepted.body)).toBe(201);
  return { team, calibration, scenario, entry: accepted.body.scenario.teamParameters[team.id] };
};

describe("accepting a calibration sets the team's own change rates", () => {
  it('stores each level’s fitted changes a week and forecasts the team at them: 5 a week by its one mid, all to sign-off', async () => {
    const event = { type: 'ai-adoption', date: '2026-09-07', targetPercent: 0, rampWeeks: 4 };
    const { team, scenario, entry } = await calibrateAndAccept('rts', [event]);
    // No AI: the rates are the changes per person-week, 6 (eve), 5 (cat), 0 (dan)
    expect(entry.changesPerWeek).toEqual({ senior: 6, mid: 5, principal: 0 });
    // The same every week: no resample moves a rate; dan's 0 has no range
    expect(entry.changesPerWeekRanges).toEqual({ senior: [1, 1], mid: [1, 1] });
    const demand = async (version: number) => {
      const options = { runs: 0, horizon: 4, startWeek: '2026-06-01', version };
      const run = await api('rts', `/scenarios/${scenario}/forecast`, options);
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

describe("accepting a calibration sets the team's arrival burstiness", () => {
  it('stores the weekly demand’s dispersion as arrivalDispersion: 1 and 5 a week alternating, 19/121', async () => {
    const { calibration, entry } = await calibrateAndAccept('bst');
    // The 20th week is left out (the history ends on its Saturday), so the weekly demand is
    // 1, 5, ..., 1: ten 1s and nine 5s, mean 55/19, variance (10 (36/19)^2 + 9 (40/19)^2) / 18
    // = 1520/361, dispersion (1520/361 - 55/19) / (55/19)^2 = 475/3025 = 19/121
    const { value, low, high } = calibration.fitted.arrivalDispersion;
    expect(value).toBeCloseTo(19 / 121, 12);
    expect(entry.parameters.arrivalDispersion).toBeCloseTo(19 / 121, 12);
    expect(entry.parameters.uncertainty.arrivalDispersion[0]).toBeCloseTo(low / value, 12);
    expect(entry.parameters.uncertainty.arrivalDispersion[1]).toBeCloseTo(high / value, 12);
    // cat's 1 and 5 a week, 55/19 on average, resample to a range around it that the forecast's
    // runs draw from
    const mid = calibration.fitted['changesPerWeek.mid'];
    expect(mid.value).toBeCloseTo(55 / 19, 12);
    expect(mid.low).toBeLessThan(55 / 19);
    expect(mid.high).toBeGreaterThan(55 / 19);
    expect(entry.changesPerWeekRanges.mid[0]).toBeCloseTo(mid.low / mid.value, 12);
    expect(entry.changesPerWeekRanges.mid[1]).toBeCloseTo(mid.high / mid.value, 12);
  });
});
