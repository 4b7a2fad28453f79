import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createApp } from '../../server/app';
import { loadConfig } from '../../server/config';
import { openDatabase } from '../../server/db/client';
import type { Logger } from '../../server/logger';
import type { ForecastJobs } from '../../server/services/forecast-jobs';
import type { ForecastPool } from '../../server/services/forecast-pool';
import { createTempDb, type TempDatabase } from './temp-db';

export interface AppServer {
  url: string;
  database: TempDatabase;
  /** Stops the HTTP server, then closes and deletes the temporary database. */
  close(): Promise<void>;
}

/**
 * Serves the real Hono app over HTTP on a free loopback port, in this process, on a fresh
 * migrated temporary database. `env` overrides configuration variables (LOG_LEVEL is `silent`
 * unless given); `logger` replaces the stdout log, `forecastPool` the engine pool (the caller closes it), `forecastJobs` the background jobs (made on the database).
 * With `sharing`, the app is another instance on that server's database file: its own
 * connection, closed (not deleted) by close().
 */
export async function startAppServer(
  options: {
    env?: Record<string, string>;
    clock?: () => Date;
    logger?: Logger;
    forecastPool?: ForecastPool;
    forecastJobs?: (database: TempDatabase) => ForecastJobs;
    sharing?: AppServer;
  } = {},
): Promise<AppServer> {
  const database = options.sharing
    ? await secondConnection(options.sharing.database.url)
    : await createTempDb();
  const config = loadConfig({ DATABASE_URL: database.url, LOG_LEVEL: 'silent', ...options.env }, 'test');
  const app = createApp({
    db: database.db,
    config,
    clock: options.clock ?? (() => new Date()),
    logger: options.logger,
    forecastPool: options.forecastPool,
    forecastJobs: options.forecastJobs?.(database),
  });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    database,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      database.cleanup();
    },
  };
}

/** Another connection to the database file at `url`, as another server process would open. */
async function secondConnection(url: string): Promise<TempDatabase> {
  const database = await openDatabase(url);
  return { ...database, url, cleanup: () => database.close() };
}
