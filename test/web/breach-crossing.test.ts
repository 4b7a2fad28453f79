import { describe, expect, it } from 'vitest';
import { crossing } from '../../web/answers/metric-words';

describe('a breach crossing in words', () => {
  it.each([
    [{ metric: 'utilization', value: 0.91, threshold: 0.85 }, 'utilisation 91% > 85%'],
    [{ metric: 'utilization', value: 0.851, threshold: 0.85 }, 'utilisation 85.1% > 85%'],
    [{ metric: 'utilization', value: 0.85004, threshold: 0.85 }, 'utilisation 85.004% > 85%'],
    [
      { metric: 'serviceLevel', value: 0.7996, threshold: 0.8 },
      'service level 79.96% within target < 80% within target',
    ],
    [{ metric: 'p90WaitHours', value: 48.04, threshold: 48 }, 'P90 wait 48.04 h > 48 h'],
    [{ metric: 'backlogWeeks', value: 2.5, threshold: 2 }, 'backlog 2.5 weeks > 2 weeks'],
    [{ metric: 'burnoutRisk', value: 70.3, threshold: 70 }, 'burnout risk 70.3 / 100 > 70 / 100'],
  ] as const)('reads %o as "%s", the value never shown equal to its threshold', (breach, words) => {
    expect(crossing(breach)).toBe(words);
  });
});
