import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bandOf, type ForecastInputRaw, runForecast } from '../../shared/index';

/**
 * The feedback loops pinned to numbers worked out by hand from the documented equations
 * (shared/engine/step-week.ts, docs/queue-model.md) and the cited defaults
 * (shared/schemas/parameters.ts), not read from the engine:
 *   fatigue     f' = f + fatigueGain x strain x (1 - f) - fatigueRecovery x (1 - strain) x f,
 *               strain = overtime / maxOvertimeHours
 *   departures  reviewers x (1 - (1 - baseAttritionPerYear)^(1/52)) x (burnoutHazardMultiplier - 1) x f
 *   incidents   changes x sev2PerThousandChanges / 1000 x (1 + depthSensitivity x min(2, pressure - 1)+)
 *   overtime    overtimeResponse x excess review hours / reviewers, at most maxOvertimeHours
 *               (the excess: changes waiting and arriving, and incidents, beyond regular review hours).
 * Defaults: fatigueGain 0.08, baseAttritionPerYear 0.13, burnoutHazardMultiplier 2.3,
 * sev2PerThousandChanges 1.5, depthSensitivity 1, maxOvertimeHours 8, humanReviewHours 0.8,
 * reviewHoursPerReviewer 6, shrinkage 0.13.
 */

/** A team of `authors` who write `perAuthor` changes a week, all reviewed by `reviewers` who write none; no AI. */
const team = (authors: number, perAuthor: number, reviewers: number, weeks: number): ForecastInputRaw => ({
  org: {
    levels: [
      { id: 'author', canSignOff: false, changesPerWeek: perAuthor },
      { id: 'reviewer', canSignOff: true, changesPerWeek: 0 },
    ],
    teams: [{ id: 'team', name: 'Team', headcount: { author: authors, reviewer: reviewers } }],
  },
  parameters: { baselineAiAdoption: 0, ordinaryReviewShare: 1, uncertainty: {} },
  scenario: { name: 'loops', events: [] },
  options: { startWeek: '2026-01-05', horizonWeeks: weeks, runs: 0, seed: 1 },
});

const metricsOf = (input: ForecastInputRaw) => runForecast(input).teams[0]!.metrics;

/** Weekly burnout hazard at full fatigue: (1 - 0.87^(1/52)) x (2.3 - 1). */
const fullFatigueHazard = (1 - 0.87 ** (1 / 52)) * 1.3;

describe('feedback loops, pinned to hand-worked numbers', () => {
  // 10 authors x 12.5 changes x 0.8 h = 100 review hours a week against 2 x 6 h x 0.87 = 10.44:
  // the excess alone asks 0.8 x 89.56 / 2 = 35.8 h of overtime per reviewer, over the 8 h cap.
  // Forecast inside each test, not while collecting: Stryker's per-test coverage then knows which
  // tests run the mutated code (a forecast made while collecting makes every mutant static).
  const overloadedTeam = () => metricsOf(team(10, 12.5, 2, 12));

  it('works the overtime cap when the excess alone is beyond it', () => {
    const overloaded = overloadedTeam();
    for (const hours of overloaded.overtimeHoursPerReviewer.p50) expect(hours).toBeCloseTo(8, 10);
  });

  it('sets overtime from the excess: 0.8 x (waiting + arriving hours + incident hours - 0.87 x 6 h x reviewers) / reviewers', () => {
    // 10 authors x 5.5 changes x 0.8 h = 44 h against 5 x 6 h x 0.87 = 26.1 h: about 4 h each,
    // inside the rule's linear part, so the rule applied to the expected queue is the overtime.
    const busy = metricsOf(team(10, 5.5, 5, 10));
    for (let w = 1; w < 10; w++) {
      const reviewers = busy.reviewers.p50[w]!;
      const excess =
        (busy.backlog.p50[w - 1]! + busy.signoffDemand.p50[w]!) * 0.8 +
        busy.sev2Incidents.p50[w - 1]! * 6 -
        reviewers * 6 * 0.87;
      expect(busy.overtimeHoursPerReviewer.p50[w]).toBeCloseTo((0.8 * excess) / reviewers, 2);
    }
  });

  it('builds fatigue at fatigueGain a week toward 1 at the cap: 1 - 0.92^(w + 1)', () => {
    const overloaded = overloadedTeam();
    const expected = [0.08, 0.1536, 0.221312, 0.28360704, 0.340918477, 0.393644999, 0.442153399, 0.486781127];
    bandOf(overloaded, 'fatigue')
      .p50.slice(0, 8)
      .forEach((f, w) => {
        expect(f).toBeCloseTo(expected[w]!, 8);
      });
    expect(overloaded.burnoutRisk.p50[7]).toBeCloseTo(48.6781127, 5);
  });

  it('loses reviewers at the burnout hazard times fatigue, week after week', () => {
    const overloaded = overloadedTeam();
    let reviewers = 2;
    overloaded.expectedAttrition.p50.forEach((departures, w) => {
      const fatigue = 1 - 0.92 ** (w + 1);
      const expected = reviewers * fullFatigueHazard * fatigue;
      expect(departures).toBeCloseTo(expected, 10);
      reviewers -= expected;
    });
    expect(overloaded.expectedAttrition.p50[0]).toBeCloseTo(2 * 0.0034768 * 0.08, 6);
  });

  it('triples the incident rate at the pressure cap: 125 changes x 1.5 / 1000 x 3', () => {
    const overloaded = overloadedTeam();
    for (const incidents of overloaded.sev2Incidents.p50) expect(incidents).toBeCloseTo(0.5625, 10);
  });

  it('takes last week’s incident hours out of this week’s capacity: utilisation 16 / (20.88 - 0.03 x 6)', () => {
    // 10 x 2 x 0.8 = 16 review hours against 4 x 6 x 0.87 = 20.88; week 0 has no incidents before it
    // (incidents move in the 5th digit from week to week).
    const light = metricsOf(team(10, 2, 4, 4));
    expect(light.utilization.p50[0]).toBeCloseTo(16 / 20.88, 9);
    for (let w = 1; w < 4; w++) expect(light.utilization.p50[w]).toBeCloseTo(16 / (20.88 - 0.03 * 6), 4);
  });

  it('keeps the plain incident rate without overload: 20 changes x 1.5 / 1000', () => {
    // 10 x 2 x 0.8 = 16 h against 4 x 6 x 0.87 = 20.88 h: pressure below 1.
    const light = metricsOf(team(10, 2, 4, 6));
    for (const incidents of light.sev2Incidents.p50) expect(incidents).toBeCloseTo(0.03, 10);
  });

  it('recovers part of fatigue below the cap: f + 0.08 s (1 - f) - 0.04 (1 - s) f with s = overtime / 8', () => {
    // About 4 h of overtime each (half the cap): fatigue both builds and recovers every week.
    const busy = metricsOf(team(10, 5.5, 5, 10));
    let fatigue = 0;
    busy.overtimeHoursPerReviewer.p50.forEach((overtime, w) => {
      const strain = overtime / 8;
      expect(strain).toBeGreaterThan(0.1);
      expect(strain).toBeLessThan(0.9);
      fatigue += 0.08 * strain * (1 - fatigue) - 0.04 * (1 - strain) * fatigue;
      expect(bandOf(busy, 'fatigue').p50[w]).toBeCloseTo(fatigue, 8);
    });
  });

  it('puts a team without reviewers at the pressure cap: 20 changes x 1.5 / 1000 x 3', () => {
    // No review capacity at all: any waiting work is overload, so escapes run at the cap (x 3).
    const unreviewed = metricsOf(team(10, 2, 0, 4));
    for (const incidents of unreviewed.sev2Incidents.p50) expect(incidents).toBeCloseTo(0.09, 10);
    // Nobody is there to work overtime, so nobody tires.
    for (const key of ['overtimeHoursPerReviewer', 'fatigue'] as const) {
      for (const value of bandOf(unreviewed, key).p50) expect(value).toBe(0);
    }
    // ... but none of it waits when no change asks for sign-off (ordinaryReviewShare 0): the plain 20 x 1.5 / 1000.
    const input = team(10, 2, 0, 4);
    const unasked = metricsOf({ ...input, parameters: { ...input.parameters, ordinaryReviewShare: 0 } });
    for (const incidents of unasked.sev2Incidents.p50) expect(incidents).toBeCloseTo(0.03, 10);
  });

  it('never lowers fatigue, attrition or incidents when the same team gets more work', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.5, max: 6, noNaN: true }),
        fc.double({ min: 1, max: 3, noNaN: true }),
        fc.integer({ min: 1, max: 6 }),
        (perAuthor, factor, reviewers) => {
          const base = metricsOf(team(8, perAuthor, reviewers, 16));
          const more = metricsOf(team(8, perAuthor * factor, reviewers, 16));
          const tolerance = (v: number) => 1e-6 * Math.max(1, Math.abs(v));
          for (const key of [
            'fatigue',
            'expectedAttrition',
            'sev2Incidents',
            'overtimeHoursPerReviewer',
          ] as const) {
            const after = bandOf(more, key).p50;
            const before = bandOf(base, key).p50;
            after.forEach((v, w) => {
              expect(v, `${key} week ${w}`).toBeGreaterThanOrEqual(before[w]! - tolerance(v));
            });
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
