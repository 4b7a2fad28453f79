import { describe, expect, it } from 'vitest';
import { forecastInputSchema, metricKeys, runForecast, runSampleRange } from '../../shared/index';
import { oracleScenarioOf, type QueueCase, queueCase } from './oracle/engine-cases';
import { replicate } from './oracle/replications';

/**
 * Each run's weekly figures of team 0 from the engine's Monte Carlo: per week, the runs' values
 * of metric `key`.
 */
const runValues = (c: QueueCase, runs: number, key: (typeof metricKeys)[number]): number[][] => {
  const input = forecastInputSchema.parse({ ...c.input, options: { ...c.input.options, runs } });
  const samples = runSampleRange(input, { runStart: 0, runCount: runs }).teams[0]!;
  const v = metricKeys.indexOf(key);
  const weeks = input.options.horizonWeeks;
  return Array.from({ length: weeks }, (_, w) =>
    Array.from(samples.subarray((v * weeks + w) * runs, (v * weeks + w + 1) * runs)),
  );
};

const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
const variance = (xs: readonly number[]) => {
  const m = mean(xs);
  return xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1);
};

describe('bursty weekly arrivals (arrivalDispersion)', () => {
  // 5 reviewers at 80%: 0.8 x 5 x 6 h x (1 - 0.13) / 0.8 h = 26.1 changes a week, by hand.
  const lambda = 26.1;

  it.each([
    [0, '26.1 (Poisson)', lambda],
    [0.2, '26.1 + 0.2 x 26.1^2', lambda + 0.2 * lambda * lambda],
    [0.5, '26.1 + 0.5 x 26.1^2', lambda + 0.5 * lambda * lambda],
  ])(
    'draws weekly demand of dispersion %f as negative binomial: mean 26.1, variance %s',
    (k, _, expected) => {
      const c = queueCase({ name: 'demand', reviewers: 5, load: 0.8, weeks: 8, arrivalDispersion: k });
      const demand = runValues(c, 2000, 'signoffDemand').flat();
      expect(Math.abs(mean(demand) - lambda)).toBeLessThan(4 * Math.sqrt(expected / demand.length));
      expect(variance(demand) / expected).toBeGreaterThan(0.9);
      expect(variance(demand) / expected).toBeLessThan(1.1);
    },
  );

  /**
   * The queue of a bursty team against the oracle given the same weekly gamma rates, weeks 0-25,
   * both from the queue bursty weeks leave (the oracle warms up 150 weeks with bursty weeks; the
   * engine settles its start, bursty-start.ts): the Monte Carlo mean over runs of each week's
   * backlog and mean wait against the oracle's mean over replications, and the mean path (each week
   * at the three quadrature nodes of the rate multiplier) against the oracle's mean backlog and
   * pooled mean wait; and the backlog of weeks 0-3 alone, so the start itself is checked.
   * Measured: at 80% with k = 0.3, 12.95 / 13.06 changes and 16.3 / 16.2 h (Monte Carlo), 13.35 /
   * 13.06 and 20.4 / 19.7 h (mean path), weeks 0-3 13.3 and 13.4 / 12.8. The mean path of one
   * reviewer runs 24-29% high (3.52 / 2.73 changes, 29.6 / 23.8 h), so its bound is 30%, and 36%
   * high in weeks 0-3 (3.52 / 2.59), so its start's bound is 40%; the Monte Carlo's start is the
   * mean path's settled queue, so its weeks 0-3 share that bias (3.32 / 2.59, +28%) and relax to
   * the Monte Carlo's own (2.83 over weeks 0-25).
   */
  it.each([
    { reviewers: 5, load: 0.8, k: 0.3, meanPathBound: 0.1, startBound: 0.1 },
    { reviewers: 5, load: 0.9, k: 0.1, meanPathBound: 0.1, startBound: 0.1 },
    { reviewers: 1, load: 0.7, k: 0.3, meanPathBound: 0.3, startBound: 0.4 },
  ])(
    'queues a team of $reviewers reviewer(s) at load $load with dispersion $k like the oracle: weekly means within 10% (mean path $meanPathBound, weeks 0-3 $startBound)',
    ({ reviewers, load, k, meanPathBound, startBound }) => {
      const c = queueCase({ name: 'bursty', reviewers, load, weeks: 26, arrivalDispersion: k });
      const oracle = replicate(oracleScenarioOf(c), 600, 7);
      const weeks = Array.from({ length: 26 }, (_, i) => i);
      const over = (f: (w: number) => number, within = weeks) => mean(within.map(f));
      const start = [0, 1, 2, 3];
      const backlog = runValues(c, 1000, 'backlog');
      const wait = runValues(c, 1000, 'meanWaitHours');
      const path = runForecast(c.input).teams[0]!.metrics;
      const figures = {
        oracleBacklog: over((w) => oracle.backlog[w]!),
        oracleRunWait: over((w) => mean(Array.from(oracle.meanWaits[w]!).filter(Number.isFinite))),
        oraclePooledWait: over((w) => oracle.meanWait[w]!),
        runBacklog: over((w) => mean(backlog[w]!)),
        runWait: over((w) => mean(wait[w]!)),
        pathBacklog: over((w) => path.backlog.p50[w]!),
        pathWait: over((w) => path.meanWaitHours.p50[w]!),
        oracleStartBacklog: over((w) => oracle.backlog[w]!, start),
        runStartBacklog: over((w) => mean(backlog[w]!), start),
        pathStartBacklog: over((w) => path.backlog.p50[w]!, start),
      };
      console.log(
        `${reviewers} reviewer(s), load ${load}, k ${k}:`,
        JSON.stringify(figures, (_, v) => (typeof v === 'number' ? Number(v.toFixed(2)) : v)),
      );
      expect(Math.abs(figures.runBacklog / figures.oracleBacklog - 1)).toBeLessThan(0.1);
      expect(Math.abs(figures.runWait / figures.oracleRunWait - 1)).toBeLessThan(0.1);
      expect(Math.abs(figures.pathBacklog / figures.oracleBacklog - 1)).toBeLessThan(meanPathBound);
      expect(Math.abs(figures.pathWait / figures.oraclePooledWait - 1)).toBeLessThan(meanPathBound);
      expect(Math.abs(figures.runStartBacklog / figures.oracleStartBacklog - 1)).toBeLessThan(startBound);
      expect(Math.abs(figures.pathStartBacklog / figures.oracleStartBacklog - 1)).toBeLessThan(startBound);
    },
    120_000,
  );
});
