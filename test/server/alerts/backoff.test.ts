import { describe, expect, it } from 'vitest';
import { isRetryable, retryDelayMs } from '../../../server/scheduler/backoff';

const policy = { maxAttempts: 6, baseMs: 1_000, maxDelayMs: 10_000 };

describe('retry back-off', () => {
  it('doubles the step per attempt, half fixed and half jitter', () => {
    expect([1, 2, 3].map((n) => retryDelayMs(n, policy, () => 0))).toEqual([500, 1_000, 2_000]);
    expect([1, 2, 3].map((n) => retryDelayMs(n, policy, () => 0.999_999))).toEqual([1_000, 2_000, 4_000]);
  });

  it('caps the step at maxDelayMs', () => {
    expect(retryDelayMs(10, policy, () => 0.5)).toBe(7_500);
  });

  it('rejects an attempt number below 1', () => {
    expect(() => retryDelayMs(0, policy, () => 0)).toThrow(/attempt must be >= 1/);
  });

  it('retries network errors and 5xx, not 4xx', () => {
    expect([null, 500, 503].map(isRetryable)).toEqual([true, true, true]);
    expect([400, 404, 410, 429].map(isRetryable)).toEqual([false, false, false, false]);
  });
});
