import { describe, expect, it } from 'vitest';
import { runForecast } from '../../shared/index';
import { queueCase } from './oracle/engine-cases';

const withShare = (reviewers: number, share: number) => {
  const c = queueCase({ name: 'share', reviewers, load: 0.8, weeks: 6 });
  // The authoring rate that loads one reviewer to 80% with 10 authors, for every case.
  const one = queueCase({ name: 'one', reviewers: 1, load: 0.8, weeks: 6 });
  const rate = one.input.org.levels![0]!.changesPerWeek;
  const levels = c.input.org.levels!.map((l, i) => (i === 0 ? { ...l, changesPerWeek: rate } : l));
  return runForecast({
    ...c.input,
    org: { ...c.input.org, levels },
    parameters: { ...c.input.parameters, activeReviewerShare: share },
  }).teams[0]!.metrics;
};

describe('activeReviewerShare', () => {
  it('counts that share of the sign-off-level people as reviewers: 4 at 0.25 review as 1 (6 h less 13% = 5.22 h)', () => {
    const m = withShare(4, 0.25);
    expect(m.reviewers.p50[0]).toBeCloseTo(1, 12);
    expect(m.capacityHours.p50[0]).toBeCloseTo(5.22, 9);
  });

  it('gives the queue of the reviewers who review: 4 people at 0.25 wait as 1 person at 1', () => {
    const quarter = withShare(4, 0.25);
    const one = withShare(1, 1);
    for (const key of ['backlog', 'meanWaitHours', 'p90WaitHours', 'serviceLevel'] as const) {
      for (const [w, value] of quarter[key].p50.entries()) {
        expect(value, `${key} week ${w}`).toBeCloseTo(one[key].p50[w]!, 9);
      }
    }
  });
});
