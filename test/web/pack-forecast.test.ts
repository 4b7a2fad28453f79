import { describe, expect, it } from 'vitest';
import type { Forecast } from '../../shared';
import { packForecast, unpackForecast } from '../../web/workers/pack-forecast';

/** A two-week forecast of one team; the mean path's bands share one array for P10, P50 and P90. */
const meanBand = (values: number[]) => ({ p10: values, p50: values, p90: values });
const holds = {
  serviceLevel: null,
  p90WaitHours: null,
  backlogWeeks: null,
  utilization: null,
  burnoutRisk: null,
};
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
      breaches: { ...holds, utilization: { week: 1, date: '2027-01-11' } },
    },
  ],
  org: {
    metrics: {
      backlog: meanBand([11, 12]),
      burnoutRisk: meanBand([13, 14]),
      headcount: { senior: meanBand([15, 16]) },
    },
    breaches: { ...holds, backlogWeeks: { week: 0, date: '2027-01-04' } },
  },
} as unknown as Forecast;

/** The forecast with every series a plain array, to compare by value. */
const plain = (f: Forecast) =>
  JSON.parse(JSON.stringify(f, (_key, v) => (ArrayBuffer.isView(v) ? Array.from(v as Float64Array) : v)));

describe('packForecast and unpackForecast', () => {
  it('lay every distinct series once into one buffer, with offsets and breach weeks in two more, all transferred', () => {
    const { packed, transfer } = packForecast(forecast);
    // Distinct arrays: team backlog, 3 burnout, headcount; org backlog, burnout, headcount = 8 x 2 weeks.
    expect(Array.from(packed.values)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]);
    // Per entry (team, org) and band (backlog, burnoutRisk, headcount senior): P10, P50, P90 starts.
    expect(Array.from(packed.offsets)).toEqual([
      0, 0, 0, 2, 4, 6, 8, 8, 8, 10, 10, 10, 12, 12, 12, 14, 14, 14,
    ]);
    // breachMetrics order: serviceLevel, p90WaitHours, backlogWeeks, utilization, burnoutRisk.
    expect(Array.from(packed.breaches)).toEqual([-1, -1, -1, 1, -1, -1, -1, 0, -1, -1]);
    expect(packed.metricKeys).toEqual(['backlog', 'burnoutRisk']);
    expect(transfer).toEqual([packed.values.buffer, packed.offsets.buffer, packed.breaches.buffer]);
  });

  it('give back the same forecast after a structured clone that transfers the buffers, bands sharing a series sharing one view', () => {
    const { packed, transfer } = packForecast(forecast);
    const unpacked = unpackForecast(structuredClone(packed, { transfer }));
    expect(plain(unpacked)).toEqual(plain(forecast));
    const team = unpacked.teams[0]!.metrics;
    expect(team.backlog.p10).toBe(team.backlog.p50);
    expect(team.backlog.p90).toBe(team.backlog.p50);
    expect(team.burnoutRisk.p10).not.toBe(team.burnoutRisk.p50);
    expect(unpacked.teams[0]!.breaches.utilization).toEqual({ week: 1, date: '2027-01-11' });
    expect(unpacked.org.breaches.serviceLevel).toBeNull();
    expect(ArrayBuffer.isView(team.backlog.p50)).toBe(true);
    // The sender's buffers moved: nothing was copied back into them.
    expect(packed.values.length).toBe(0);
  });
});
