import { describe, expect, it } from 'vitest';
import { runForecast } from '../../shared/index';
import { inputWith, storyEvents, teamsOf } from './fixtures';

describe('the seed story: ~10% cut, 80% AI use, senior sign-off for junior and mid AI changes [R42-R44]', () => {
  // Forecast inside each test, not while collecting: Stryker's per-test coverage then knows which
  // tests run the mutated code (a forecast made while collecting makes every mutant static).
  const baselineForecast = () => runForecast(inputWith([], {}, teamsOf(4)));
  const storyForecast = () => runForecast(inputWith(storyEvents, {}, teamsOf(4)));
  const last = (series: number[]) => series[series.length - 1]!;

  it('raises backlog and burnout above the baseline', () => {
    const [baseline, story] = [baselineForecast(), storyForecast()];
    expect(last(story.org.metrics.backlog.p50)).toBeGreaterThan(last(baseline.org.metrics.backlog.p50));
    expect(last(story.org.metrics.burnoutRisk.p50)).toBeGreaterThan(
      last(baseline.org.metrics.burnoutRisk.p50) + 10,
    );
    expect(last(story.org.metrics.aiSignoffDemand.p50)).toBeGreaterThan(0);
  });

  it('leaves the baseline without breaches and reports the story breach from the rule date', () => {
    const [baseline, story] = [baselineForecast(), storyForecast()];
    expect(Object.values(baseline.org.breaches).every((b) => b === null)).toBe(true);
    expect(story.org.breaches.utilization).toEqual({ week: 8, date: '2026-03-02' });
    expect(story.teams[0]!.breaches.utilization?.date).toBe('2026-03-02');
  });

  it('shows the same rise in Monte Carlo bands', () => {
    const mc = runForecast(inputWith(storyEvents, { runs: 100, seed: 7 }, teamsOf(4)));
    const base = runForecast(inputWith([], { runs: 100, seed: 7 }, teamsOf(4)));
    expect(last(mc.org.metrics.burnoutRisk.p90)).toBeGreaterThan(last(base.org.metrics.burnoutRisk.p90));
    expect(last(mc.org.metrics.backlog.p50)).toBeGreaterThan(last(base.org.metrics.backlog.p50));
    expect(mc.org.breaches.utilization).not.toBeNull();
  });
});
