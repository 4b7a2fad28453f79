import { describe, expect, it } from 'vitest';
import {
  capacityFitter,
  MAX_FITTED_LOAD,
  steadyWeek,
} from '../../../server/services/calibration/capacity-fit';
import { fitHistory } from '../../../server/services/calibration/fit';
import { teamHistory } from '../../../server/services/calibration/team-history';
import { defaultParameters, parametersSchema } from '../../../shared/index';
import { syntheticChanges } from '../../helpers/synthetic-history';

const levels = [
  { id: 'junior', name: 'Junior', canSignOff: false, changesPerWeek: 3 },
  { id: 'senior', name: 'Senior', canSignOff: true, changesPerWeek: 3 },
];

/** 10 juniors at 3 changes a week, 60% needing sign-off: 18 sign-offs a week. */
const team = {
  levels,
  headcount: { junior: 10, senior: 4 },
  parameters: { ordinaryReviewShare: 0.6, baselineAiAdoption: 0 },
};

describe('capacity fit', () => {
  it('finds review hours at which the engine keeps a change open the observed hours', () => {
    const fitCapacity = capacityFitter(team, defaultParameters)!;
    const steady = steadyWeek(team, defaultParameters);
    // Targets within what a stable queue keeps open (at load 0.95, about 59 h since engine 2.4.0)
    for (const target of [4, 12, 30, 50]) {
      const { reviewHours, latencyHours } = fitCapacity(target);
      expect(steady(reviewHours).hoursOpen).toBeCloseTo(target, 2);
      expect(latencyHours).toBe(0);
    }
  });

  it('takes time open beyond what a stable queue explains as latency, at the highest fitted load', () => {
    const fitCapacity = capacityFitter(team, defaultParameters)!;
    const steady = steadyWeek(team, defaultParameters);
    const { reviewHours, latencyHours } = fitCapacity(5000);
    expect(steady(reviewHours).load).toBeCloseTo(MAX_FITTED_LOAD, 6);
    expect(latencyHours).toBeCloseTo(5000 - steady(reviewHours).hoursOpen, 6);
  });

  it('fits nothing for a team without anybody who signs off', () => {
    expect(capacityFitter({ ...team, headcount: { junior: 10 } }, defaultParameters)).toBeNull();
  });
});

/**
 * Synthetic histories from known parameters: M/M/n sign-off queues simulated change by change
 * (test/helpers/synthetic-history.ts), 104 weeks, fitted on the last 52. The engine is run
 * without overtime or incidents (the simulation has neither). A senior reviews one change at a
 * time for `reviewWeeks` on average at reviewHoursPerReviewer x (1 - shrinkage) = 6 x 0.87 h a
 * week, so the true review hours per change are reviewWeeks x 5.22. Tolerances: over 8 seeds
 * of each case the error of one fit stayed within 18% (52 weeks of a queue is a small sample);
 * each fit here must be within 20%, the mean of four (sd about 4%) within 10%. The bursty case's
 * weekly arrivals are gamma-mixed Poisson of dispersion 0.25: the fit sets the engine's
 * arrivalDispersion, whose longer waits it then needs no extra review hours for (fitted as
 * Poisson weeks the mean of four was 1.20 x the truth, each of them 1.08-1.31).
 */
describe('capacity fit on synthetic histories', () => {
  const base = parametersSchema.parse({ maxOvertimeHours: 0, sev2PerThousandChanges: 0 });
  const cases = [
    { seniors: 4, load: 0.3 },
    { seniors: 4, load: 0.85 },
    { seniors: 1, load: 0.5 },
    { seniors: 1, load: 0.5, burstiness: 0.25 },
  ];
  for (const { seniors, load, burstiness = 0 } of cases) {
    const bursty = burstiness > 0 ? `, weeks of dispersion ${burstiness}` : '';
    it(`recovers review hours, change rate and sign-off share: ${seniors} reviewers at load ${load}${bursty}`, () => {
      const lambda = 10 * 3 * 0.6;
      const reviewWeeks = (load * seniors) / lambda;
      const truth = reviewWeeks * 6 * 0.87;
      const ratios = [1, 2, 3, 4].map((seed) => {
        const changes = syntheticChanges({
          weeks: 104,
          juniors: 10,
          seniors,
          changesPerWeek: 3,
          signoffShare: 0.6,
          reviewWeeks,
          seed,
          burstiness,
        });
        const fit = fitHistory(teamHistory(changes, levels, { junior: 10, senior: seniors }), base);
        expect(fit.fitted['changesPerWeek.junior']!.value).toBeGreaterThan(3 * 0.9);
        expect(fit.fitted['changesPerWeek.junior']!.value).toBeLessThan(3 * 1.1);
        expect(Math.abs(fit.fitted.ordinaryReviewShare!.value - 0.6)).toBeLessThan(0.05);
        expect(fit.fitted.latencyHours!.value).toBe(0);
        return fit.fitted.humanReviewHours!.value / truth;
      });
      for (const ratio of ratios) expect(Math.abs(ratio - 1)).toBeLessThan(0.2);
      expect(Math.abs(ratios.reduce((a, b) => a + b, 0) / ratios.length - 1)).toBeLessThan(0.1);
    });
  }
});
