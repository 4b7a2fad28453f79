import type { Band, Forecast, MetricBands } from '../../shared';

/**
 * Turns every series of a forecast into a Float64Array (arrays shared between bands, as in the
 * mean path, stay shared) and lists their buffers, so postMessage transfers them instead of
 * copying ~45,000 numbers for the demo org. Readers only index, iterate and reduce the series,
 * which typed arrays support; the Forecast type is kept for them.
 */
export function packForecast(forecast: Forecast): { forecast: Forecast; transfer: ArrayBuffer[] } {
  const packed = new Map<number[], Float64Array>();
  const transfer: ArrayBuffer[] = [];
  const series = (values: number[]): number[] => {
    let typed = packed.get(values);
    if (!typed) {
      typed = Float64Array.from(values);
      packed.set(values, typed);
      transfer.push(typed.buffer as ArrayBuffer);
    }
    return typed as unknown as number[];
  };
  const band = (b: Band): Band => ({ p10: series(b.p10), p50: series(b.p50), p90: series(b.p90) });
  const metrics = (m: MetricBands): MetricBands => {
    const { headcount, ...rest } = m;
    const out = Object.fromEntries(Object.entries(rest).map(([key, b]) => [key, band(b)]));
    return {
      ...out,
      headcount: Object.fromEntries(Object.entries(headcount).map(([key, b]) => [key, band(b)])),
    } as MetricBands;
  };
  return {
    forecast: {
      ...forecast,
      teams: forecast.teams.map((team) => ({ ...team, metrics: metrics(team.metrics) })),
      org: { ...forecast.org, metrics: metrics(forecast.org.metrics) },
    },
    transfer,
  };
}
