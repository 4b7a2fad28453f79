/** Retry policy for webhook deliveries. */
export interface RetryPolicy {
  /** Attempts in total, the first included; after the last failure the delivery is failed. */
  maxAttempts: number;
  /** Delay before the second attempt, ms; doubles for each further attempt. */
  baseMs: number;
  /** Upper bound of any one delay, ms. */
  maxDelayMs: number;
}

/**
 * Delay in ms before attempt `attempt + 1` after `attempt` failures: exponential
 * (`baseMs * 2^(attempt-1)`, capped at `maxDelayMs`) with "equal jitter": half fixed, half drawn
 * from `random` in [0, 1), so retries of many deliveries spread out but never come sooner than half
 * the exponential step.
 */
export function retryDelayMs(attempt: number, policy: RetryPolicy, random: () => number): number {
  if (!Number.isInteger(attempt) || attempt < 1) throw new RangeError(`attempt must be >= 1, got ${attempt}`);
  const step = Math.min(policy.maxDelayMs, policy.baseMs * 2 ** (attempt - 1));
  return Math.round(step / 2 + (step / 2) * random());
}

/** Whether a response status or network failure is worth retrying: network errors, timeouts and 5xx. */
export function isRetryable(statusCode: number | null): boolean {
  return statusCode === null || statusCode >= 500;
}
