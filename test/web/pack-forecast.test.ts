import { describe, expect, it } from 'vitest';
import type { Forecast } from '../../shared';
import { packForecast } from '../../web/workers/pack-forecast';

/** A two-week forecast of one team; the mean path's bands share one array for P10, P50 and P90. */
const meanBand = (values: number[]) => ({ p10: values, p50: values, p90: values });
const forecast = {
  engineVersion: 'test',
  mode: 'mean',
  runs: 0,
  seed: 1,
  weeks: ['2027-01-04', '2027-01-11'],
  levels: ['senior'],
  teams: [
    {
      id: 'a',
      name: 'A',
      metrics: {
        backlog: meanBand([1, 2]),
        burnoutRisk: { p10: [3, 4], p50: [5, 6], p90: [7, 8] },
        headcount: { senior: meanBand([9, 10]) },
      },
      breaches: {},
    },
  ],
  org: {
    metrics: {
      backlog: meanBand([11, 12]),
      burnoutRisk: meanBand([13, 14]),
      headcount: { senior: meanBand([15, 16]) },
    },
    breaches: {},
  },
} as unknown as Forecast;

describe('packForecast', () => {
  it('lays every distinct series once into one transferred buffer, each series a view with its own values', () => {
    const { forecast: packed, transfer } = packForecast(forecast);
    // Distinct arrays: team backlog, 3 burnout, headcount; org backlog, burnout, headcount = 8 x 2 weeks.
    expect(transfer).toHaveLength(1);
    expect(transfer[0]!.byteLength).toBe(8 * 2 * 8);
    const team = packed.teams[0]!.metrics;
    expect(Array.from(team.backlog.p50)).toEqual([1, 2]);
    expect(Array.from(team.burnoutRisk.p10)).toEqual([3, 4]);
    expect(Array.from(team.burnoutRisk.p90)).toEqual([7, 8]);
    expect(Array.from(team.headcount.senior!.p50)).toEqual([9, 10]);
    expect(Array.from(packed.org.metrics.headcount.senior!.p90)).toEqual([15, 16]);
    expect(team.backlog.p10).toBe(team.backlog.p50);
    for (const series of [team.backlog.p50, packed.org.metrics.burnoutRisk.p50])
      expect((series as unknown as Float64Array).buffer).toBe(transfer[0]);
    expect(packed.weeks).toEqual(forecast.weeks);
  });
});
