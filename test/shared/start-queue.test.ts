import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stationaryAt } from '../../shared/engine/anchor-table';
import { newScratch } from '../../shared/engine/closure-scratch';
import {
  countDistribution,
  momentsAbove,
  newAbove,
  newCountDistribution,
} from '../../shared/engine/count-distribution';
import { centralParams } from '../../shared/engine/model-params';
import { type OvertimeEffect, type OvertimeRule, overtimeEffect } from '../../shared/engine/queue-overtime';
import { START_LOAD_CAP, startQueue } from '../../shared/engine/start-queue';
import { startTeamRuns } from '../../shared/engine/team-state';
import { buildTimeline } from '../../shared/engine/timeline';
import { forecastInputSchema, parametersSchema } from '../../shared/index';
import { teamsOf } from './fixtures';

const timeline = buildTimeline(
  forecastInputSchema.parse({
    org: { teams: teamsOf(1) },
    scenario: { name: 'start', events: [] },
    options: { startWeek: '2026-01-05', horizonWeeks: 1 },
  }),
);

/**
 * The test's own oracle: the stationary queue at `hours` of overtime (regular capacity plus
 * perHour x hours, the load capped at START_LOAD_CAP of regular, the rule shifted to match, as
 * startQueue documents), and the overtime the rule takes over that queue minus `hours`.
 */
const gapAt = (
  load: { arrivals: number; regular: number; servers: number; serviceCv2: number },
  rule: OvertimeRule,
  perHour: number,
  hours: number,
) => {
  const capped = Math.min(load.arrivals, START_LOAD_CAP * load.regular);
  const shifted = { ...rule, offset: rule.offset - rule.slope * (load.arrivals - capped) };
  const q = { mean: 0, variance: 0 };
  const rates = {
    arrivals: capped,
    capacity: load.regular + perHour * hours,
    servers: load.servers,
    serviceCv2: load.serviceCv2,
  };
  if (!stationaryAt(rates, newScratch(), q)) return { gap: Number.NaN, mean: 0 };
  const n = newCountDistribution();
  countDistribution(q.mean, q.variance, n);
  const above = newAbove();
  momentsAbove(n, load.servers, above);
  const effect: OvertimeEffect = { hoursPerReviewer: 0, busyHoursPerReviewer: 0, waiting: 0, covariance: 0 };
  overtimeEffect(n, q, above, load.servers, shifted, effect);
  return { gap: effect.hoursPerReviewer - hours, mean: q.mean };
};

describe('a forecast’s starting queue under the overtime rule', () => {
  it('is the stationary queue at an overtime within 1e-4 hours of the one the rule sustains (bisection to 1e-9 in the test)', () => {
    fc.assert(
      fc.property(
        fc.record({
          servers: fc.integer({ min: 1, max: 40 }),
          load: fc.double({ min: 0.2, max: 1.6, noNaN: true }),
          serviceCv2: fc.double({ min: 0.1, max: 3, noNaN: true }),
          cap: fc.double({ min: 0.5, max: 20, noNaN: true }),
          slope: fc.double({ min: 0.01, max: 5, noNaN: true }),
          offset: fc.double({ min: -10, max: 10, noNaN: true }),
          perHour: fc.double({ min: 0.01, max: 2, noNaN: true }),
        }),
        ({ servers, load, serviceCv2, cap, slope, offset, perHour }) => {
          const regular = servers * 10;
          const rates = {
            arrivals: load * regular,
            capacity: regular,
            servers,
            serviceCv2,
            overtimeNarrowing: 0,
            overtimeDecay: 0,
          };
          const rule = { slope, offset, cap };
          const s = startTeamRuns(timeline, 0, [centralParams(parametersSchema.parse({}))], null);
          startQueue(s, 0, rates, rule, perHour);
          expect(rule).toEqual({ slope, offset, cap });
          const shape = { arrivals: rates.arrivals, regular, servers, serviceCv2 };
          let low = 0;
          let high = cap;
          if (!(gapAt(shape, rule, perHour, high).gap < 0)) low = high;
          while (high - low > 1e-9) {
            const mid = (low + high) / 2;
            if (gapAt(shape, rule, perHour, mid).gap > 0) low = mid;
            else high = mid;
          }
          // More overtime, more capacity, a shorter stationary queue: the start lies between the
          // queues 1e-4 hours either side of the sustained overtime.
          const shorter = gapAt(shape, rule, perHour, Math.min(cap, low + 1e-4)).mean;
          const longer = gapAt(shape, rule, perHour, Math.max(0, low - 1e-4)).mean;
          const mean = s.inSystem[0]!;
          expect(mean).toBeGreaterThanOrEqual(shorter * (1 - 1e-9));
          expect(mean).toBeLessThanOrEqual(longer * (1 + 1e-9));
        },
      ),
      { numRuns: 300 },
    );
  });
});
