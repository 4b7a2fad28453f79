import { describe, expect, it } from 'vitest';
import type { Backtest } from '../../../server/services/calibration/backtest';
import { calibratedLine } from '../../../server/services/calibration/model-error';

const score = (medianError: number, coverage: number) => ({
  points: 10,
  mape: 0.5,
  mapeKind: 'mape' as const,
  medianError,
  mase: 0.9,
  coverage,
});

const metric = (at1: number, at4: number, at12: number) => ({
  ...score(0.5, 0.8),
  byHorizon: { '1': score(at1, 0.9), '4': score(at4, 0.74), '12': score(at12, 0.6) },
});

const backtest: Backtest = {
  origins: 26,
  horizonWeeks: 12,
  fan: null,
  fans: [],
  metrics: {
    signoffDemand: metric(0.1, 0.18, 0.3),
    signoffsCompleted: metric(0.1, 0.2, 0.3),
    open: metric(0.2, 0.354, 0.5),
    medianHoursToSignoff: metric(0.4, 0.6, 0.8),
  },
};
const team = { id: 't1', name: 'Core' };

describe('model-error line', () => {
  it('states the backtest error at the longest tested horizon within the forecast', () => {
    const line = calibratedLine(team, 'c1', backtest, 8);
    expect(line).toMatchObject({
      status: 'calibrated',
      horizonWeeks: 4,
      testedWeeks: 12,
      calibrationId: 'c1',
    });
    expect(line.metrics.signoffDemand).toEqual({ medianError: 0.18, coverage: 0.74 });
    expect(line.text).toBe(
      'Backtest over 26 origins: sign-off demand median abs error 18% at 4 weeks, P10-P90 covered 74% of actuals; ' +
        'open changes median abs error 35% at 4 weeks, P10-P90 covered 74% of actuals; ' +
        'hours to sign-off median abs error 60% at 4 weeks, P10-P90 covered 74% of actuals.',
    );
  });

  it('says a forecast longer than the backtest is untested beyond it', () => {
    const line = calibratedLine(team, 'c1', backtest, 52);
    expect(line.horizonWeeks).toBe(12);
    expect(line.text).toContain('sign-off demand median abs error 30% at 12 weeks, P10-P90 covered 60%');
    expect(line.text.endsWith('; not tested beyond 12 weeks.')).toBe(true);
  });

  it('uses the one-week figures for a one-week forecast', () => {
    expect(calibratedLine(team, 'c1', backtest, 1).metrics.open).toEqual({ medianError: 0.2, coverage: 0.9 });
  });
});
