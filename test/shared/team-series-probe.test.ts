import { describe, expect, it } from 'vitest';
import { metricKeys } from '../../shared/engine/metrics';
import { forecastInputSchema, runForecast, teamSeriesProbe } from '../../shared/index';
import { inputWith, storyEvents } from './fixtures';

const team = (id: string, extra: object = {}) => ({
  id,
  name: id,
  headcount: { junior: 2, mid: 4, senior: 3, principal: 1 },
  ...extra,
});
const weeks = 20;
const raw = (second: object) =>
  inputWith(storyEvents, { horizonWeeks: weeks, runs: 0 }, [team('a'), team('b', second)]);

/** Week w of metric `key` in a probe's series, laid out [v * weeks + w]. */
const weekly = (series: Float64Array, key: 'backlog' | 'burnoutRisk' | 'utilization') => {
  const at = metricKeys.indexOf(key) * weeks;
  return [...series.subarray(at, at + weeks)];
};

describe('team series probe (capacity fits)', () => {
  it('gives the second team’s mean path with no change, and with a change the path of that parameter set on the team', () => {
    const probe = teamSeriesProbe(forecastInputSchema.parse(raw({})), 1);
    const plain = runForecast(raw({})).teams[1]!.metrics;
    const unchanged = probe({});
    const changed = probe({ shrinkage: 0.35 });
    const overridden = runForecast(raw({ parameters: { shrinkage: 0.35 } })).teams[1]!.metrics;
    for (const key of ['backlog', 'burnoutRisk', 'utilization'] as const) {
      expect(weekly(unchanged, key)).toEqual(plain[key].p50);
      expect(weekly(changed, key)).toEqual(overridden[key].p50);
    }
    expect(weekly(changed, 'utilization')).not.toEqual(plain.utilization.p50);
  });
});
