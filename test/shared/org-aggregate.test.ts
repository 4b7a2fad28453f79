import { describe, expect, it } from 'vitest';
import { metricKeys } from '../../shared/engine/metrics';
import { accumulateOrg, finalizeOrg, ORG_SLOTS } from '../../shared/engine/org-aggregate';

/**
 * Two teams' week vectors (metrics in metricKeys order, then headcount of two levels) for three
 * runs, added into per-run org accumulators and finalised; every org value worked out by hand.
 * Values the org never reads from teams (backlogWeeks, burnoutRisk) are 99 so reading them shows.
 */
const teamA = [
  // reviewers, signoff, ai, demandHours, capacityHours, capacityChanges, utilization, backlog, backlogWeeks,
  // meanWait, p90Wait, serviceLevel, overtime, fatigue, burnoutRisk, attrition, sev2, headcount x2
  [2, 10, 1, 8, 12, 15, 0.8, 5, 99, 4, 10, 0.9, 3, 0.2, 99, 0.1, 0.05, 6, 2],
  [0, 0, 0, 5, 0, 0, 0, 0, 99, 0, 0, 0, 0, 0, 99, 0, 0, 0, 0],
  [0, 0, 0, 4, 0, 0, 0, 3, 99, 7, 9, 0, 0, 0, 99, 0, 0, 1, 0],
];
const teamB = [
  [3, 20, 4, 24, 18, 10, 2, 15, 99, 10, 30, 0.5, 6, 0.5, 99, 0.3, 0.2, 9, 3],
  [0, 0, 0, 10, 0, 0, 0.5, 0, 99, 0, 0, 0, 0, 0, 99, 0, 0, 0, 0],
  [0, 0, 0, 0, 0, 0, 0, 0, 99, 0, 0, 0, 0, 0, 99, 0, 0, 0, 1],
];
const org = [
  // Run 0: sums; utilisation 32 / (8 / 0.8 + 24 / 2) = 32 / 22; backlog weeks 20 / 25; waits and
  // service level weighted by arrivals + backlog (15 and 35 of 50): (15 x 4 + 35 x 10) / 50 = 8.2,
  // (150 + 1050) / 50 = 24, (13.5 + 17.5) / 50 = 0.62; overtime and fatigue by reviewers:
  // (2 x 3 + 3 x 6) / 5 = 4.8, (0.4 + 1.5) / 5 = 0.38; burnout 100 x 0.38.
  [5, 30, 5, 32, 30, 25, 32 / 22, 20, 0.8, 8.2, 24, 0.62, 4.8, 0.38, 38, 0.4, 0.25, 15, 5],
  // Run 1: a team without regular hours adds demand but no hours: 15 / (10 / 0.5); no one
  // waiting: no wait, service level 1; no reviewers: no overtime or fatigue.
  [0, 0, 0, 15, 0, 0, 0.75, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0],
  // Run 2: demand without regular hours is the utilisation cap 10, a backlog without capacity
  // the 260-week cap; the one team's wait is the org's.
  [0, 0, 0, 4, 0, 0, 10, 3, 260, 7, 9, 0, 0, 0, 0, 0, 0, 1, 1],
];

const runs = 3;
const levels = 2;
const size = metricKeys.length + levels;

/** Run r's value v at `[r + v * runs]`, as the engine lays out one team-week. */
const teamWeek = (byRun: number[][]) => {
  const data = new Float64Array(size * runs);
  byRun.forEach((values, r) => {
    values.forEach((value, v) => {
      data[r + v * runs] = value;
    });
  });
  return data;
};

describe('org aggregate of team weeks', () => {
  it('sums counts and hours, weights waits by queue and strain by reviewers, per run', () => {
    const atStride = ORG_SLOTS + levels;
    // Room for one more run after the three, which must stay untouched.
    const acc = new Float64Array(atStride * (runs + 1));
    accumulateOrg(acc, 0, atStride, teamWeek(teamA), runs, levels);
    accumulateOrg(acc, 0, atStride, teamWeek(teamB), runs, levels);
    // Room for one more vector after the org's, which must keep its -1s.
    const out = new Float64Array((size + 1) * runs).fill(-1);
    for (let r = 0; r < runs; r++) {
      finalizeOrg(acc, r * atStride, { data: out, base: r, stride: runs }, levels);
    }
    expect([...acc.subarray(atStride * runs)]).toEqual(new Array(atStride).fill(0));
    expect([...out.subarray(size * runs)]).toEqual(new Array(runs).fill(-1));
    org.forEach((expected, r) => {
      expected.forEach((value, v) => {
        expect(out[r + v * runs], `run ${r} ${metricKeys[v] ?? `headcount ${v}`}`).toBeCloseTo(value, 12);
      });
    });
  });
});
