import { beforeAll, describe, expect, it } from 'vitest';
import type { Band, Forecast, MetricBands } from '../../shared/engine/forecast';
import { type MetricKey, metricKeys } from '../../shared/engine/metrics';
import { type TeamAnswer, teamAnswers } from '../../shared/engine/team-answers';
import type { Thresholds } from '../../shared/schemas/options';
import { noBreaches } from './fixtures';

/** Answers read from a hand-built four-week forecast, every expected figure worked out by hand. */

const weeks = ['2026-01-05', '2026-01-12', '2026-01-19', '2026-01-26'];
const thresholds: Thresholds = {
  targetWaitHours: 16,
  serviceLevel: 0.8,
  p90WaitHours: 40,
  backlogWeeks: 2,
  utilization: 0.85,
  burnoutRisk: 50,
};

/** P10 and P90 one below and above P50, so reading any band but P50 shows. */
const band = (p50: number[]): Band => ({ p10: p50.map((v) => v - 1), p50, p90: p50.map((v) => v + 1) });

const metrics = (given: Partial<Record<MetricKey, number[]>>): MetricBands =>
  ({
    ...Object.fromEntries(metricKeys.map((key) => [key, band(given[key] ?? [0, 0, 0, 0])])),
    headcount: {},
  }) as MetricBands;

const at = (week: number) => ({ week, date: weeks[week]! });

const forecast: Forecast = {
  engineVersion: 'test',
  mode: 'mean',
  runs: 0,
  seed: 1,
  weeks,
  levels: [],
  teams: [
    {
      id: 'a',
      name: 'Alpha',
      // backlogWeeks and utilization both first cross in week 1: backlogWeeks comes first in breachMetrics.
      breaches: { ...noBreaches, serviceLevel: at(3), backlogWeeks: at(1), utilization: at(1) },
      metrics: metrics({
        reviewers: [6.004, 5.5, 5, 5],
        signoffDemand: [100.123, 120.456, 130, 140],
        aiSignoffDemand: [10.111, 20.229, 30, 40],
        demandHours: [300, 400, 500, 600],
        backlogWeeks: [1, 2.34567, 3, 4],
        utilization: [0.8, 0.9, 1, 1.1],
        burnoutRisk: [10, 30.04, 30.04, 20],
      }),
    },
    {
      id: 'b',
      name: 'Beta',
      breaches: noBreaches,
      metrics: metrics({
        reviewers: [4, 4, 4, 4],
        demandHours: [80, 80, 80, 80],
        signoffDemand: [40, 40, 40, 0],
      }),
    },
  ],
  org: { metrics: metrics({}), breaches: noBreaches },
};

const needed = [
  { teamId: 'a', peakWeek: 2, peakDate: weeks[2]!, reviewersPresent: 5, reviewersNeeded: 9, shortfall: 4 },
];
const headroom = [
  { teamId: 'a', maxLayoffPercent: 25 },
  { teamId: 'b', maxLayoffPercent: null },
];

describe('teamAnswers', () => {
  // Answered in beforeAll, not while collecting: a throw there fails the tests instead of hiding them.
  let alpha: TeamAnswer | undefined;
  let beta: TeamAnswer | undefined;
  beforeAll(() => {
    [alpha, beta] = teamAnswers(forecast, thresholds, needed, headroom);
  });

  it('names the earliest breach (ties in breachMetrics order) with its threshold and P50 value to 3 decimals', () => {
    expect(alpha!.firstBreach).toEqual({
      week: 1,
      date: '2026-01-12',
      metric: 'backlogWeeks',
      threshold: 2,
      value: 2.346,
    });
    expect(beta!.firstBreach).toBeNull();
  });

  it('reads the drivers at week 0 and at the first breach week, else the last week', () => {
    expect(alpha!.drivers).toEqual({
      signoffDemand: { today: 100.12, later: 120.46 },
      aiSignoffDemand: { today: 10.11, later: 20.23 },
      reviewers: { today: 6, later: 5.5 },
      // 300 / 100.123 and 400 / 120.456 hours per change.
      hoursPerChange: { today: 2.996, later: 3.321 },
    });
    // No breach: the last week, where no change is signed off, so no hours per change.
    expect(beta!.drivers).toEqual({
      signoffDemand: { today: 40, later: 0 },
      aiSignoffDemand: { today: 0, later: 0 },
      reviewers: { today: 4, later: 4 },
      hoursPerChange: { today: 2, later: 0 },
    });
  });

  it('gives the first week of the highest P50 burnout, to one decimal', () => {
    expect([alpha!.peakBurnout, alpha!.peakBurnoutDate]).toEqual([30, '2026-01-12']);
    expect([beta!.peakBurnout, beta!.peakBurnoutDate]).toEqual([0, '2026-01-05']);
  });

  it('takes reviewers needed, to add and the peak week from the mean-path answers, zero and the start week without one', () => {
    expect(alpha).toMatchObject({
      teamId: 'a',
      team: 'Alpha',
      reviewersToday: 6,
      reviewersNeeded: 9,
      reviewersToAdd: 4,
      peakDate: '2026-01-19',
      maxLayoffPercent: 25,
    });
    expect(beta).toMatchObject({
      teamId: 'b',
      team: 'Beta',
      reviewersToday: 4,
      reviewersNeeded: 0,
      reviewersToAdd: 0,
      peakDate: '2026-01-05',
      maxLayoffPercent: null,
    });
  });

  it('leaves the layoff headroom null for a team the headroom answers do not name', () => {
    const [answer] = teamAnswers(forecast, thresholds, needed, []);
    expect(answer!.maxLayoffPercent).toBeNull();
  });

  it('gives empty dates, zero burnout and the no-breach drivers for a forecast of no weeks', () => {
    const empty = { ...forecast, weeks: [], teams: [{ ...forecast.teams[1]!, metrics: metrics({}) }] };
    expect(teamAnswers(empty, thresholds, [], [])[0]).toMatchObject({
      firstBreach: null,
      peakDate: '',
      peakBurnout: 0,
      peakBurnoutDate: '',
    });
  });
});
