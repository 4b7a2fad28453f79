import { describe, expect, it } from 'vitest';
import type { PlacedChange } from '../../../server/history/weekly';
import { weekOfDate } from '../../../server/history/weeks';
import { blockLength, blockResamples } from '../../../server/services/calibration/block-bootstrap';
import { steadyWeek } from '../../../server/services/calibration/capacity-fit';
import { countDispersion, estimate } from '../../../server/services/calibration/estimates';
import { calibrationChangeRateRanges, fitHistory } from '../../../server/services/calibration/fit';
import {
  type CalibrationWeek,
  calibrationWeeks,
  type TeamHistory,
} from '../../../server/services/calibration/team-history';
import { defaultParameters } from '../../../shared/index';

const levels = [
  { id: 'junior', canSignOff: false, changesPerWeek: 2.5 },
  { id: 'senior', canSignOff: true, changesPerWeek: 3 },
];

const week = (
  date: string,
  junior: number,
  senior: number,
  aiAssisted: number,
  signoffDemand: number,
  signoffsCompleted: number,
  medianHoursToSignoff: number | null,
  open: number,
  signers: string[] = ['lee'],
): CalibrationWeek => ({
  week: date,
  authored: { junior, senior },
  aiAssisted,
  signoffDemand,
  signoffsCompleted,
  open,
  medianHoursToSignoff,
  signed: signoffDemand,
  signedHours: signoffDemand * 12,
  signers,
  changes: Array.from({ length: signoffDemand }, (_, k) => ({ at: 24 * k, hours: 12 })),
});

/** Four weeks, 2 juniors and 1 senior on the roster. */
const history: TeamHistory = {
  levels,
  headcount: { junior: 2, senior: 1 },
  weeks: [
    week('2026-01-05', 4, 2, 0, 3, 2, 10, 1),
    week('2026-01-12', 6, 2, 1, 5, 6, 20, 0, ['lee', 'kim']),
    week('2026-01-19', 2, 0, 0, 2, 1, null, 1, []),
    week('2026-01-26', 4, 2, 1, 4, 5, 30, 0),
  ],
};

describe('calibration estimates', () => {
  it('estimates each figure from a small literal series (hand-computed)', () => {
    const est = estimate(history, history.weeks);
    // junior: 16 changes / 4 weeks / 2 people; senior: 6 / 4 / 1
    expect(est.changesPerEngineerWeek).toEqual({ junior: 2, senior: 1.5 });
    // 14 of the juniors' 16 changes needed sign-off
    expect(est.signoffShare).toBe(0.875);
    // Weighted by changes (6, 8, 2, 6) over positions 0-3, shares 0, 1/8, 0, 1/6:
    // slope = (4 - 30 x 2 / 22) / (70 - 30^2 / 22) = 28 / 640; level = 2/22 + slope x (3 - 30/22)
    expect(est.aiShareSlope).toBeCloseTo(0.04375, 12);
    expect(est.aiShareLevel).toBeCloseTo(0.1625, 12);
    // busy weeks: completed >= 5 (the nearest-rank 75th percentile of 1, 2, 5, 6): (6 + 5) / 2 per 1 reviewer
    expect(est.signoffsPerReviewerWeek).toBe(5.5);
    // weekly medians 10, 20, 30 (one week has none)
    expect(est.medianHoursToSignoff).toBe(20);
    expect(est.p90HoursToSignoff).toBe(30);
    // every change signed after 12 h; Little's law gives 14 x 12 / 168 = 1 open on average, 2 seen at the weeks' ends
    expect(est.meanHoursToSignoff).toBe(12);
    expect(est.weekEndOpenShare).toBe(2);
    // weekly demand 3, 5, 2, 4: mean 3.5, variance 5/3, below a Poisson count's: no burstiness
    expect(est.demandDispersion).toBe(0);
    // lee and kim signed, 1 senior on the roster (the share is at most 1); with 4 seniors, 2 of 4
    expect(est.activeReviewerShare).toBe(1);
    expect(
      estimate({ ...history, headcount: { junior: 2, senior: 4 } }, history.weeks).activeReviewerShare,
    ).toBe(0.5);
  });

  it('measures burstiness as the negative binomial dispersion of the weekly counts (hand-computed)', () => {
    // 0, 10, 2, 8: mean 5, variance 68/3; (68/3 - 5) / 5^2 = 53/75
    expect(countDispersion([0, 10, 2, 8])).toBeCloseTo(53 / 75, 12);
    expect(countDispersion([4, 4, 4, 4])).toBe(0);
    expect(countDispersion([0, 0, 0])).toBeNull();
    expect(countDispersion([7])).toBeNull();
  });

  it('maps the estimates to engine values by the documented formulas', () => {
    const fit = fitHistory(history, defaultParameters, 7);
    const a = 0.1625 / (1.47 * 0.5 - 0.1625 * 0.47);
    expect(fit.fitted.baselineAiAdoption!.value).toBeCloseTo(a, 12);
    expect(fit.fitted['changesPerWeek.junior']!.value).toBeCloseTo(2 / (1 + 0.47 * a), 12);
    expect(fit.fitted.ordinaryReviewShare!.value).toBe(0.875);
    // observed figures kept as they are
    expect(fit.fitted.signoffsPerReviewerWeek!.value).toBe(5.5);
    expect(fit.fitted.meanHoursToSignoff!.value).toBe(12);
    expect(fit.fitted.weekEndOpenShare!.value).toBe(2);
    // capacity: the engine keeps a change open the observed 12 h at the team's steady load
    const steady = steadyWeek(
      {
        levels: fit.levels,
        changesPerWeek: fit.changesPerWeek,
        headcount: history.headcount,
        parameters: fit.parameters,
      },
      defaultParameters,
    );
    expect(steady(fit.fitted.humanReviewHours!.value).hoursOpen).toBeCloseTo(12, 3);
    expect(fit.fitted.latencyHours!.value).toBe(0);
    expect(fit.parameters.humanReviewHours).toBe(fit.fitted.humanReviewHours!.value);
    expect(fit.parameters.ordinaryReviewShare).toBe(0.875);
    expect(fit.changesPerWeek.junior).toBeCloseTo(2 / (1 + 0.47 * a), 12);
    expect(fit.defaults).toContain('shrinkage');
    expect(fit.defaults).not.toContain('humanReviewHours');
  });

  it('gives every fitted value a range around it, the same for the same seed', () => {
    const fit = fitHistory(history, defaultParameters, 7);
    for (const { value, low, high } of Object.values(fit.fitted)) {
      expect(low).toBeLessThanOrEqual(high);
      expect(Number.isFinite(value)).toBe(true);
    }
    expect(fitHistory(history, defaultParameters, 7)).toEqual(fit);
    const [low, high] = fit.parameters.uncertainty!.humanReviewHours!;
    expect(low).toBeLessThanOrEqual(1);
    expect(high).toBeGreaterThanOrEqual(1);
  });
});

describe("a calibration's change-rate ranges", () => {
  it('are each level’s fitted range over its value, within the rate bound of 50, none for a level fitted at 0', () => {
    const ranges = calibrationChangeRateRanges({
      'changesPerWeek.junior': { value: 2, low: 1.5, high: 3 },
      'changesPerWeek.mid': { value: 40, low: 30, high: 60 },
      'changesPerWeek.senior': { value: 0, low: 0, high: 0 },
      humanReviewHours: { value: 1, low: 0.5, high: 2 },
    });
    expect(ranges).toEqual({ junior: [0.75, 1.5], mid: [0.75, 1.25] });
  });

  it('come with every fit, from its bootstrap range of each rate', () => {
    const fit = fitHistory(history, defaultParameters, 7);
    for (const level of ['junior', 'senior']) {
      const { value, low, high } = fit.fitted[`changesPerWeek.${level}`]!;
      expect(fit.changesPerWeekRanges[level]).toEqual([low / value, high / value]);
    }
  });
});

describe('moving-block bootstrap', () => {
  it('joins blocks of cube-root length of consecutive weeks into resamples of the same size', () => {
    expect(blockLength(27)).toBe(3);
    expect(blockLength(1)).toBe(1);
    const resamples = blockResamples(27, 3, 20);
    expect(resamples).toEqual(blockResamples(27, 3, 20));
    expect(resamples).not.toEqual(blockResamples(27, 4, 20));
    for (const indices of resamples) {
      expect(indices).toHaveLength(27);
      for (let i = 0; i < 27; i += 3)
        expect([indices[i]! + 1, indices[i]! + 2]).toEqual(indices.slice(i + 1, i + 3));
    }
  });
});

describe('calibration weeks', () => {
  const at = (iso: string) => Date.parse(iso);
  const change = (
    level: string,
    authored: string,
    signed: string,
    signer: string | null,
    ai = false,
  ): PlacedChange => ({
    team: 't',
    level,
    signer,
    authoredAt: at(authored),
    firstReviewAt: null,
    signedOffAt: at(signed),
    aiAssisted: ai,
    lines: 1,
  });

  it('counts sign-off demand as non-sign-off levels signed by someone else, with its completions, open and hours', () => {
    const changes = [
      change('junior', '2026-01-05T10:00:00Z', '2026-01-06T10:00:00Z', 'boss', true),
      change('junior', '2026-01-09T10:00:00Z', '2026-01-13T10:00:00Z', 'boss'),
      change('junior', '2026-01-07T10:00:00Z', '2026-01-07T12:00:00Z', null),
      change('senior', '2026-01-06T10:00:00Z', '2026-01-06T10:00:00Z', null),
      change('senior', '2026-01-12T10:00:00Z', '2026-01-12T11:00:00Z', 'other'),
    ];
    const weeks = calibrationWeeks(changes, levels, {
      first: weekOfDate('2026-01-05'),
      last: weekOfDate('2026-01-19'),
    });
    expect(weeks).toEqual([
      {
        week: '2026-01-05',
        authored: { junior: 3, senior: 1 },
        aiAssisted: 1,
        signoffDemand: 2,
        signoffsCompleted: 1,
        open: 1,
        medianHoursToSignoff: 24,
        // bob's two: 24 h and 96 h, both signed by boss; authored Monday and Friday 10:00
        signed: 2,
        signedHours: 120,
        signers: ['boss'],
        changes: [
          { at: 10, hours: 24 },
          { at: 106, hours: 96 },
        ],
      },
      {
        week: '2026-01-12',
        authored: { junior: 0, senior: 1 },
        aiAssisted: 0,
        signoffDemand: 0,
        signoffsCompleted: 1,
        open: 0,
        medianHoursToSignoff: null,
        signed: 0,
        signedHours: 0,
        signers: [],
        changes: [],
      },
      {
        week: '2026-01-19',
        authored: { junior: 0, senior: 0 },
        aiAssisted: 0,
        signoffDemand: 0,
        signoffsCompleted: 0,
        open: 0,
        medianHoursToSignoff: null,
        signed: 0,
        signedHours: 0,
        signers: [],
        changes: [],
      },
    ]);
  });
});
