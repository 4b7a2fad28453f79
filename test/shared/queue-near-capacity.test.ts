import { describe, expect, it } from 'vitest';
import { runForecast } from '../../shared/index';
import { queueCase } from './oracle/engine-cases';

/**
 * From 98% of capacity the queue model moves linearly to its overloaded form, so that nothing
 * jumps at 100%: across that stretch more load must still mean a longer queue, week after week.
 */
describe('a team loaded near and past its capacity', () => {
  it('gets a longer backlog and mean wait and a lower service level with each step of load from 97% to 105%, finite in every week', () => {
    const loads = [0.97, 0.985, 0.99, 0.999, 1, 1.05];
    const teams = loads.map(
      (load) =>
        runForecast(queueCase({ name: `at ${load}`, reviewers: 5, load, weeks: 12 }).input).teams[0]!.metrics,
    );
    for (let w = 0; w < 12; w++) {
      for (let i = 1; i < loads.length; i++) {
        const [lower, higher] = [teams[i - 1]!, teams[i]!];
        expect(higher.backlog.p50[w]!, `backlog, week ${w}, load ${loads[i]}`).toBeGreaterThan(
          lower.backlog.p50[w]!,
        );
        expect(higher.meanWaitHours.p50[w]!).toBeGreaterThan(lower.meanWaitHours.p50[w]!);
        expect(higher.serviceLevel.p50[w]!).toBeLessThan(lower.serviceLevel.p50[w]!);
      }
      for (const m of teams)
        for (const key of ['backlog', 'meanWaitHours', 'p90WaitHours', 'serviceLevel'] as const)
          expect(Number.isFinite(m[key].p50[w]), key).toBe(true);
    }
  });
});
