import type { Band, Forecast, MetricBands } from '../../shared';

/**
 * Lays every series of a forecast into ONE Float64Array and gives each series a view of it (arrays
 * shared between bands, as in the mean path, share their view), so postMessage transfers a single
 * buffer instead of copying ~45,000 numbers for the demo org or detaching a buffer per series.
 * Readers only index, iterate and reduce the series, which typed arrays support; the Forecast type
 * is kept for them.
 */
export function packForecast(forecast: Forecast): { forecast: Forecast; transfer: ArrayBuffer[] } {
  const offsets = new Map<number[], number>();
  let length = 0;
  const place = (values: number[]) => {
    if (offsets.has(values)) return;
    offsets.set(values, length);
    length += values.length;
  };
  for (const metrics of [...forecast.teams.map((team) => team.metrics), forecast.org.metrics]) {
    const { headcount, ...rest } = metrics;
    for (const b of [...Object.values(rest), ...Object.values(headcount)])
      for (const values of [b.p10, b.p50, b.p90]) place(values);
  }
  const buffer = new Float64Array(length);
  const views = new Map<number[], number[]>();
  for (const [values, at] of offsets) {
    buffer.set(values, at);
    views.set(values, buffer.subarray(at, at + values.length) as unknown as number[]);
  }
  const view = (values: number[]) => views.get(values)!;
  const band = (b: Band): Band => ({ p10: view(b.p10), p50: view(b.p50), p90: view(b.p90) });
  const eachBand = (m: MetricBands): MetricBands => {
    const { headcount, ...rest } = m;
    return {
      ...Object.fromEntries(Object.entries(rest).map(([key, b]) => [key, band(b)])),
      headcount: Object.fromEntries(Object.entries(headcount).map(([key, b]) => [key, band(b)])),
    } as MetricBands;
  };
  return {
    forecast: {
      ...forecast,
      teams: forecast.teams.map((team) => ({ ...team, metrics: eachBand(team.metrics) })),
      org: { ...forecast.org, metrics: eachBand(forecast.org.metrics) },
    },
    transfer: [buffer.buffer],
  };
}
