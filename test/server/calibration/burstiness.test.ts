import { describe, expect, it } from 'vitest';
import { runBacktest } from '../../../server/services/calibration/backtest';
import { estimate } from '../../../server/services/calibration/estimates';
import { FIT_WEEKS, fitHistory } from '../../../server/services/calibration/fit';
import { forecastOrigin } from '../../../server/services/calibration/forecast-origin';
import { teamHistory } from '../../../server/services/calibration/team-history';
import { gamma, parametersSchema, Rng } from '../../../shared/index';
import { syntheticChanges } from '../../helpers/synthetic-history';

const moments = (values: readonly number[]) => {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return { mean, variance: values.reduce((s, v) => s + (v - mean) ** 2, 0) / (values.length - 1) };
};

describe('gamma variates', () => {
  it('draws gamma variates whose mean and variance are the shape', () => {
    const rng = new Rng(11);
    for (const shape of [0.4, 1, 3.5]) {
      const { mean, variance } = moments(Array.from({ length: 40_000 }, () => gamma(rng, shape)));
      expect(Math.abs(mean / shape - 1)).toBeLessThan(0.03);
      expect(Math.abs(variance / shape - 1)).toBeLessThan(0.08);
    }
  });
});

const levels = [
  { id: 'junior', name: 'Junior', canSignOff: false, changesPerWeek: 3 },
  { id: 'senior', name: 'Senior', canSignOff: true, changesPerWeek: 3 },
];

/** A synthetic team: 10 juniors at 3 changes a week, 60% to sign-off (18 a week), 4 seniors at load 0.5. */
const history = (
  seed: number,
  burstiness: number,
  extra: { weeks?: number; seniors?: number; reviewers?: number } = {},
) => {
  const seniors = extra.seniors ?? 4;
  const reviewers = extra.reviewers ?? seniors;
  const changes = syntheticChanges({
    weeks: extra.weeks ?? 104,
    juniors: 10,
    seniors,
    reviewers,
    changesPerWeek: 3,
    signoffShare: 0.6,
    reviewWeeks: (0.5 * reviewers) / 18,
    seed,
    burstiness,
  });
  return teamHistory(changes, levels, { junior: 10, senior: seniors });
};

/**
 * Recovery on synthetic histories whose weekly authoring is gamma-Poisson with a known
 * dispersion (thinning to the 60% that need sign-off keeps it). One 52-week fit is a small
 * sample (the moment estimator's sd is about 0.05 at dispersion 0.25), so each fit must be within
 * 0.12 of the truth and the mean of 8 within 0.04.
 */
describe('demand burstiness fitted from synthetic histories', () => {
  for (const truth of [0, 0.1, 0.25]) {
    it(`recovers a dispersion of ${truth} from the last ${FIT_WEEKS} weeks`, () => {
      const fitted = [1, 2, 3, 4, 5, 6, 7, 8].map((seed) => {
        const { weeks, ...team } = history(seed, truth);
        return estimate(team, weeks.slice(-FIT_WEEKS)).demandDispersion!;
      });
      for (const value of fitted) expect(Math.abs(value - truth)).toBeLessThan(0.12);
      expect(Math.abs(fitted.reduce((a, b) => a + b, 0) / fitted.length - truth)).toBeLessThan(0.04);
    });
  }

  it('brings the backtest’s P10-P90 demand band to about 80% coverage on a bursty history', () => {
    const base = parametersSchema.parse({
      maxOvertimeHours: 0,
      sev2PerThousandChanges: 0,
      baselineAiAdoption: 0,
    });
    const coverage = [1, 2].map((seed) => {
      const backtest = runBacktest(history(seed, 0.25, { weeks: 78 }), base, {
        originWeeks: 26,
        horizonWeeks: 4,
        runs: 100,
        seed,
      });
      return backtest.metrics.signoffDemand.coverage!;
    });
    for (const share of coverage) {
      expect(share).toBeGreaterThan(0.7);
      expect(share).toBeLessThan(0.92);
    }
  }, 120_000);
});

describe('demand bands with and without the fitted burstiness', () => {
  it('covers about 80% of a bursty history’s weeks with it and well under 80% with Poisson counts alone', () => {
    const base = parametersSchema.parse({
      maxOvertimeHours: 0,
      sev2PerThousandChanges: 0,
      baselineAiAdoption: 0,
    });
    const inside = { fitted: 0, poisson: 0, weeks: 0 };
    const seed = 2;
    const { weeks, ...team } = history(seed, 0.25, { weeks: 78 });
    for (let t = weeks.length - 26; t < weeks.length - 3; t++) {
      const before = weeks.slice(0, t);
      const fit = fitHistory({ ...team, weeks: before }, base, seed);
      const poissonOnly = { ...fit, parameters: { ...fit.parameters, arrivalDispersion: 0 } };
      const options = { horizonWeeks: 4, runs: 100, seed };
      const band = (f: typeof fit) =>
        forecastOrigin(f, base, { ...team.headcount }, before, weeks[t]!.week, options).signoffDemand;
      const [withIt, without] = [band(fit), band(poissonOnly)];
      for (let h = 0; h < 4; h++) {
        const actual = weeks[t + h]!.signoffDemand;
        inside.weeks++;
        if (actual >= withIt.p10[h]! && actual <= withIt.p90[h]!) inside.fitted++;
        if (actual >= without.p10[h]! && actual <= without.p90[h]!) inside.poisson++;
      }
    }
    expect(inside.fitted / inside.weeks).toBeGreaterThan(0.7);
    expect(inside.poisson / inside.weeks).toBeLessThan(0.65);
  }, 120_000);
});

/** Seniors who sign off among those on the roster, fitted from who signed. */
describe('active reviewer share fitted from synthetic histories', () => {
  it('finds that 2 of 8 seniors sign off, and all 4 of 4', () => {
    const { weeks, ...team } = history(3, 0, { seniors: 8, reviewers: 2 });
    expect(estimate(team, weeks.slice(-FIT_WEEKS)).activeReviewerShare).toBe(0.25);
    const all = history(3, 0);
    expect(estimate(all, all.weeks.slice(-FIT_WEEKS)).activeReviewerShare).toBe(1);
  });
});

describe('arrival burstiness set in the engine', () => {
  it('gives the weekly counts’ dispersion as the engine’s arrivalDispersion, its range within the bound', () => {
    const { weeks, ...team } = history(4, 0.25);
    const fit = fitHistory({ ...team, weeks }, parametersSchema.parse({}), 4);
    const observed = estimate(team, weeks.slice(-FIT_WEEKS)).demandDispersion!;
    expect(fit.fitted.arrivalDispersion!.value).toBe(observed);
    expect(fit.parameters.arrivalDispersion).toBe(observed);
    const [low, high] = fit.parameters.uncertainty!.arrivalDispersion!;
    expect(low * observed).toBeCloseTo(fit.fitted.arrivalDispersion!.low, 12);
    expect(high * observed).toBeCloseTo(fit.fitted.arrivalDispersion!.high, 12);
    expect(fit.defaults).not.toContain('arrivalDispersion');
  });

  it('takes a history burstier than the engine allows at the engine’s bound of 2, no draw above it', () => {
    const { weeks, ...team } = history(5, 6);
    expect(estimate(team, weeks.slice(-FIT_WEEKS)).demandDispersion!).toBeGreaterThan(2);
    const fit = fitHistory({ ...team, weeks }, parametersSchema.parse({}), 5);
    expect(fit.parameters.arrivalDispersion).toBe(2);
    expect(fit.parameters.uncertainty!.arrivalDispersion![1]).toBe(1);
  });
});
