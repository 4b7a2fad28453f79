import { describe, expect, it } from 'vitest';
import { layoffHeadroom, reviewersNeeded, runForecast, type ScenarioEventInput } from '../../shared/index';
import { inputWith, storyEvents } from './fixtures';

const cutReviewers = (percent: number): ScenarioEventInput[] =>
  (['senior', 'principal'] as const).map((level) => ({ type: 'layoff', date: '2026-01-05', level, percent }));

describe('reviewersNeeded', () => {
  it('finds no shortfall in the healthy baseline', () => {
    for (const answer of reviewersNeeded(inputWith([]))) {
      expect(answer.shortfall).toBe(0);
      expect(answer.reviewersNeeded).toBeLessThanOrEqual(answer.reviewersPresent);
    }
  });

  it('names a shortfall under the story that, hired at the start, clears every breach', () => {
    const [answer] = reviewersNeeded(inputWith(storyEvents));
    expect(answer!.shortfall).toBeGreaterThan(0);
    expect(answer!.peakDate).toMatch(/^2026-/);
    const hire: ScenarioEventInput = {
      type: 'hire',
      date: '2026-01-05',
      teamId: 'team-0',
      level: 'senior',
      count: answer!.shortfall,
      rampWeeks: 0,
    };
    const breaches = runForecast(inputWith([...storyEvents, hire])).teams[0]!.breaches;
    expect(Object.values(breaches).every((b) => b === null)).toBe(true);
  });
});

describe('layoffHeadroom', () => {
  it('finds the largest reviewer cut without a breach: that cut holds, one percent more breaches', () => {
    const [answer] = layoffHeadroom(inputWith([]));
    const percent = answer!.maxLayoffPercent!;
    expect(percent).toBeGreaterThan(0);
    expect(percent).toBeLessThan(100);
    const breached = (p: number) =>
      Object.values(runForecast(inputWith(cutReviewers(p))).teams[0]!.breaches).some((b) => b !== null);
    expect(breached(percent)).toBe(false);
    expect(breached(percent + 1)).toBe(true);
  });

  it('is null for a team that breaches without any cut', () => {
    expect(layoffHeadroom(inputWith(storyEvents))[0]!.maxLayoffPercent).toBeNull();
  });
});
