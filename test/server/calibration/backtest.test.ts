import { describe, expect, it } from 'vitest';
import { naiveForecast, runBacktest } from '../../../server/services/calibration/backtest';
import { fitHistory } from '../../../server/services/calibration/fit';
import { forecastOrigin } from '../../../server/services/calibration/forecast-origin';
import { insideBand, pitOf, scorePoints } from '../../../server/services/calibration/scores';
import type { CalibrationWeek, TeamHistory } from '../../../server/services/calibration/team-history';
import { defaultParameters, poisson, Rng, weekDates } from '../../../shared/index';

const point = (actual: number, forecast: number, naive: number, pit: [number, number]) => ({
  actual,
  forecast,
  naive,
  pit,
});

describe('forecast error scores', () => {
  it('computes MAPE, MASE against the naive forecast and band coverage (hand-computed)', () => {
    const score = scorePoints([point(10, 12, 8, [0.5, 0.5]), point(20, 15, 26, [0.95, 0.95])]);
    // |12-10|/10 = 0.2, |15-20|/20 = 0.25 -> 0.225 (median of two: also 0.225); MAE 3.5 over naive MAE 4;
    // the first actual at the runs' median (inside P10-P90), the second above 95% of them
    expect(score).toEqual({
      points: 2,
      mape: 0.225,
      mapeKind: 'mape',
      medianError: 0.225,
      mase: 3.5 / 4,
      coverage: 0.5,
    });
  });

  it('switches to sMAPE when an actual is 0', () => {
    const score = scorePoints([
      point(0, 0, 1, [0, 0.3]),
      point(0, 2, 1, [0.2, 0.6]),
      point(4, 2, 1, [0.85, 1]),
    ]);
    // 0 (both 0), 2*2/2 = 2, 2*2/6 = 2/3 -> mean 8/9
    expect(score.mapeKind).toBe('smape');
    expect(score.mape).toBeCloseTo(8 / 9, 12);
    expect(score.medianError).toBeCloseTo(2 / 3, 12);
    expect(score.mase).toBeCloseTo(4 / 3 / (5 / 3), 12);
    // inside P10-P90: 0.2 of 0.3, all of 0.4, 0.05 of 0.15 -> (2/3 + 1 + 1/3) / 3
    expect(score.coverage).toBeCloseTo(2 / 3, 12);
  });

  it('places an actual among the runs: the share below it and at or below it', () => {
    expect(pitOf([3, 0, 1, 2, 0], 1)).toEqual([0.4, 0.6]);
    expect(pitOf([3, 0, 1, 2, 0], 5)).toEqual([1, 1]);
    expect(pitOf([2.5, 0.5], 1)).toEqual([0.5, 0.5]);
    expect(insideBand([0.9, 0.9])).toBe(1);
    expect(insideBand([0.95, 0.95])).toBe(0);
    expect(insideBand([0, 1])).toBeCloseTo(0.8, 12);
  });

  it('covers 80% of counts drawn from the forecast distribution, where a whole-number P10-P90 band holds more', () => {
    const rng = new Rng(3);
    for (const mean of [0.8, 1.3, 4]) {
      const runs = Array.from({ length: 2000 }, () => poisson(rng, mean));
      const sorted = [...runs].sort((a, b) => a - b);
      const [p10, p90] = [sorted[199]!, sorted[1799]!];
      const actuals = Array.from({ length: 4000 }, () => poisson(rng, mean));
      const score = scorePoints(actuals.map((a) => point(a, mean, mean, pitOf(runs, a))));
      expect(Math.abs(score.coverage! - 0.8)).toBeLessThan(0.03);
      const inclusive = actuals.filter((a) => a >= p10 && a <= p90).length / actuals.length;
      expect(inclusive).toBeGreaterThan(0.85);
    }
  });
});

const weekOf = (date: string, i: number): CalibrationWeek => {
  const demand = 20 + ((i * 7) % 5);
  return {
    week: date,
    authored: { junior: 10 + (i % 3), mid: demand - 10 - (i % 3) + 4, senior: 6 },
    aiAssisted: Math.floor(i / 4),
    signoffDemand: demand,
    signoffsCompleted: 20 + ((i * 3) % 5),
    open: 3 + (i % 2),
    medianHoursToSignoff: i % 6 === 0 ? null : 30 + (i % 4) * 5,
    signed: demand,
    signedHours: demand * 35,
    signers: ['lee'],
    changes: Array.from({ length: demand }, (_, k) => ({ at: (24 * k) % 168, hours: 40 })),
  };
};

describe('rolling-origin backtest', () => {
  const history: TeamHistory = {
    levels: [
      { id: 'junior', canSignOff: false, changesPerWeek: 2.5 },
      { id: 'mid', canSignOff: false, changesPerWeek: 3 },
      { id: 'senior', canSignOff: true, changesPerWeek: 3 },
    ],
    headcount: { junior: 4, mid: 5, senior: 2 },
    weeks: weekDates('2025-06-02', 40).map(weekOf),
  };

  it('forecasts hours to sign-off at the fitted median while nothing changes, a run’s weekly median that of its drawn delays', () => {
    const still: TeamHistory = { ...history, weeks: history.weeks.map((w) => ({ ...w, aiAssisted: 0 })) };
    const fit = fitHistory(still, defaultParameters);
    const forecast = forecastOrigin(fit, defaultParameters, still.headcount, still.weeks, '2026-03-09', {
      horizonWeeks: 12,
      runs: 30,
      seed: 1,
    }).medianHoursToSignoff;
    // weekly medians 30 + 5 (i mod 4) of weeks i = 0..39 but i mod 6 = 0: 6 x 30, 10 x 35, 7 x 40,
    // 10 x 45; the 17th of 33 is 40. No AI share, so no adoption change: 40 every week (any change
    // the engine makes from its first week on with nothing changing cancels)
    expect(forecast.mean).toHaveLength(12);
    for (const value of forecast.mean) expect(value).toBeCloseTo(40, 9);
    // every change signed after 40 h: each run's weekly median is 40 h too
    for (const value of forecast.runs[0]!) expect(value).toBeCloseTo(40, 9);
  });

  it('takes the naive forecast as the mean of the last 4 weeks with a value', () => {
    // demand 20 + (7i mod 5) for weeks 4-7: 23, 20, 22, 24
    expect(naiveForecast(history.weeks.slice(0, 8), 'signoffDemand')).toBe((23 + 20 + 22 + 24) / 4);
    // weeks 0 and 6 have no median: last four with one are 7, 5, 4, 3 -> 45, 35, 30, 45
    expect(naiveForecast(history.weeks.slice(0, 8), 'medianHoursToSignoff')).toBe((45 + 35 + 30 + 45) / 4);
  });

  it('scores 26 origins at horizons 1, 4 and 12 with finite errors, the same on a second run', () => {
    const options = { originWeeks: 26, horizonWeeks: 12, runs: 30, seed: 3 };
    const backtest = runBacktest(history, defaultParameters, options);
    expect(backtest.origins).toBe(26);
    for (const metric of Object.values(backtest.metrics)) {
      expect(Object.keys(metric.byHorizon)).toEqual(['1', '4', '12']);
      expect(metric.byHorizon['12']!.points).toBeLessThanOrEqual(15);
      for (const score of [metric, ...Object.values(metric.byHorizon)]) {
        expect(Number.isFinite(score.mape)).toBe(true);
        expect(Number.isFinite(score.mase)).toBe(true);
        expect(score.coverage).toBeGreaterThanOrEqual(0);
        expect(score.coverage).toBeLessThanOrEqual(1);
      }
    }
    expect(backtest.metrics.signoffDemand.byHorizon['1']!.points).toBe(26);
    expect(backtest.metrics.signoffDemand.byHorizon['12']!.points).toBe(15);
    // the fan: origin 40 - 12 = week 28, its 12 weeks with their actuals
    expect(backtest.fan!.origin).toBe(history.weeks[28]!.week);
    expect(backtest.fan!.metrics.signoffDemand.actual).toEqual(
      history.weeks.slice(28).map((w) => w.signoffDemand),
    );
    expect(backtest.fan!.metrics.open.p10).toHaveLength(12);
    expect(runBacktest(history, defaultParameters, options)).toEqual(backtest);
  });
});
