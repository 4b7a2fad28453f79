import type { Config } from './config';
import type { Db } from './db/client';
import type { Logger } from './logger';
import type { ForecastJobs } from './services/forecast-jobs';
import type { ForecastMemo } from './services/forecast-memo';
import type { ForecastPool } from './services/forecast-pool';
import type { RunsInFlight } from './services/runs-in-flight';

/**
 * What the app needs from the outside; tests pass a temporary database and a fixed clock. Its own
 * module, so routes and middleware depend on these types and not on the composition root (app.ts).
 */
export interface AppDeps {
  db: Db;
  config: Config;
  clock: () => Date;
  /** Engine workers; createApp starts its own pool when none is given. */
  forecastPool?: ForecastPool;
  /** Remembered forecast lookups and bodies; createApp makes its own when none is given. */
  forecastMemo?: ForecastMemo;
  /** Background forecasts; createApp runs them on its pool when none is given. */
  forecastJobs?: ForecastJobs;
  /** Engine runs in flight, shared by requests, jobs and the boot warm-up; createApp makes its own when none is given. */
  runsInFlight?: RunsInFlight;
  /** Woken after "evaluate now" writes to the alert outbox; without it the next tick delivers. */
  alertScheduler?: { wake(): void };
  /** Request and error log; createApp logs JSON lines to stdout at LOG_LEVEL when none is given. */
  logger?: Logger;
}

/** Dependencies of the routes that run the engine. */
export type ForecastDeps = AppDeps & {
  forecastPool: ForecastPool;
  forecastMemo: ForecastMemo;
  forecastJobs: ForecastJobs;
  runsInFlight: RunsInFlight;
};
