import type { Config } from '../config';
import type { Db } from '../db/client';
import type { Logger } from '../logger';
import type { ForecastPool } from '../services/forecast-pool';
import type { RunsInFlight } from '../services/runs-in-flight';
import { AlertScheduler } from './alert-scheduler';
import { planOfRecordForecasts } from './plan-of-record-source';

/** No retry waits longer than this, however many attempts are configured. */
const maxRetryDelayMs = 3_600_000;

/** The server's alert scheduler: rules on the plan of record, settings from the ALERT_* variables. */
export function createAlertScheduler(deps: {
  db: Db;
  clock: () => Date;
  config: Config;
  forecastPool: ForecastPool;
  /** Engine runs in flight, shared with the app: a plan of record computing is waited for. */
  runsInFlight?: RunsInFlight | undefined;
  logger: Logger;
}): AlertScheduler {
  const { alerts, version } = deps.config;
  return new AlertScheduler({
    db: deps.db,
    clock: deps.clock,
    forecastSource: planOfRecordForecasts(deps),
    logger: deps.logger,
    config: {
      tickMs: alerts.tickMs,
      leaseMs: alerts.leaseMs,
      timeoutMs: alerts.timeoutMs,
      retry: { maxAttempts: alerts.maxAttempts, baseMs: alerts.retryBaseMs, maxDelayMs: maxRetryDelayMs },
      userAgent: `Reviewload/${version} (+webhook)`,
    },
  });
}
