import { describe, expect, it } from 'vitest';
import { runForecast } from '../../shared/index';
import { queueCase } from './oracle/engine-cases';

describe('a forecast under the overtime rule', () => {
  it.each([0.8, 0.95])(
    'starts settled at constant load %f: week 0 shows what week 11 shows, within 1%',
    (load) => {
      const c = queueCase({ name: 'overtime', reviewers: 5, load, overtime: true, weeks: 12 });
      const m = runForecast(c.input).teams[0]!.metrics;
      for (const key of ['meanWaitHours', 'backlog', 'overtimeHoursPerReviewer'] as const) {
        const first = m[key].p50[0]!;
        const settled = m[key].p50[11]!;
        expect(Math.abs(first - settled), key).toBeLessThanOrEqual(0.01 * settled + 1e-9);
      }
    },
  );
});
