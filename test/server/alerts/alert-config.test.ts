import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../server/config';

describe('ALERT_* configuration', () => {
  it('defaults to a 5 s tick, 30 s first retry, 6 attempts, 10 s timeout and 5 min lease', () => {
    expect(loadConfig({}, 'x').alerts).toEqual({
      tickMs: 5_000,
      retryBaseMs: 30_000,
      maxAttempts: 6,
      timeoutMs: 10_000,
      leaseMs: 300_000,
    });
  });

  it('reads overrides', () => {
    const env = {
      ALERT_TICK_MS: '50',
      ALERT_RETRY_BASE_MS: '10',
      ALERT_MAX_ATTEMPTS: '2',
      ALERT_TIMEOUT_MS: '500',
    };
    expect(loadConfig(env, 'x').alerts).toMatchObject({
      tickMs: 50,
      retryBaseMs: 10,
      maxAttempts: 2,
      timeoutMs: 500,
    });
  });

  it.each([
    ['ALERT_TICK_MS', '5'],
    ['ALERT_TICK_MS', 'soon'],
    ['ALERT_RETRY_BASE_MS', '1.5'],
    ['ALERT_MAX_ATTEMPTS', '0'],
    ['ALERT_MAX_ATTEMPTS', '21'],
    ['ALERT_TIMEOUT_MS', '99'],
    ['ALERT_LEASE_MS', '999'],
  ])('rejects %s=%s naming the variable', (variable, value) => {
    const attempt = () => loadConfig({ [variable]: value }, 'x');
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(new RegExp(`^${variable}: `));
  });
});
