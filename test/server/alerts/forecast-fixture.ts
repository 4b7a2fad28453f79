import {
  type Band,
  bandedMetricKeys,
  type Forecast,
  type MetricBands,
  type MetricKey,
} from '../../../shared/index';

const flat = (weeks: number, value: number): Band => {
  const values = Array.from({ length: weeks }, () => value);
  return { p10: values, p50: values, p90: values };
};

/**
 * A hand-made engine Forecast over `weeks` Mondays from 2026-05-04: every metric of every team is
 * 0 except the bands given per team id (missing bands stay flat at 0).
 */
export function forecastFixture(
  weeks: number,
  teams: Record<string, Partial<Record<MetricKey, Band>>>,
): Forecast {
  const bands = (given: Partial<Record<MetricKey, Band>>): MetricBands =>
    ({
      ...Object.fromEntries(bandedMetricKeys.map((k) => [k, given[k] ?? flat(weeks, 0)])),
      headcount: {},
    }) as MetricBands;
  const mondays = Array.from({ length: weeks }, (_, i) =>
    new Date(Date.UTC(2026, 4, 4 + 7 * i)).toISOString().slice(0, 10),
  );
  const breaches = {
    serviceLevel: null,
    p90WaitHours: null,
    backlogWeeks: null,
    utilization: null,
    burnoutRisk: null,
  };
  return {
    engineVersion: 'fixture',
    mode: 'monte-carlo',
    runs: 100,
    seed: 1,
    weeks: mondays,
    levels: [],
    teams: Object.entries(teams).map(([id, given]) => ({
      id,
      name: `Team ${id}`,
      metrics: bands(given),
      breaches,
    })),
    org: { metrics: bands({}), breaches },
  };
}
