import { serve } from '@hono/node-server';
import { createApp, createForecastJobs, createRunsInFlight } from './app';
import { ConfigError, loadConfig } from './config';
import { DatabaseUnreachableError, openDatabase } from './db/client';
import { applyMigrations } from './db/migrate';
import { failAbandonedImports } from './history/import-jobs';
import { createLogger } from './logger';
import { packageVersion } from './paths';
import { createAlertScheduler } from './scheduler/create-alert-scheduler';
import { GithubSyncScheduler } from './scheduler/github-sync-scheduler';
import { ensureAdminUser } from './seed/admin';
import { seedDemoOrg } from './seed/seed';
import { ForecastPool } from './services/forecast-pool';
import { warmPlansOfRecord } from './services/plan-warm-up';

const shutdownGraceMs = 10_000;

function fail(line: string): never {
  console.error(line);
  process.exit(1);
}

const version = packageVersion();

const config = (() => {
  try {
    return loadConfig(process.env, version);
  } catch (error) {
    if (error instanceof ConfigError) fail(`Invalid configuration: ${error.message}`);
    throw error;
  }
})();

const database = await openDatabase(
  config.databaseUrl,
  config.databaseAuthToken,
  config.databaseBusyTimeoutMs,
).catch((error) => {
  if (error instanceof DatabaseUnreachableError)
    fail(`Invalid configuration: DATABASE_URL: ${error.message}`);
  throw error;
});
if (config.forecasts.redisUrl) {
  const { checkRedisReachable } = await import('./slices/redis-reachable');
  await checkRedisReachable(config.forecasts.redisUrl).catch((error: Error) =>
    fail(`Invalid configuration: REDIS_URL: ${error.message}`),
  );
}
await applyMigrations(database.db);
const abandoned = await failAbandonedImports(database.db);
if (abandoned.length > 0)
  console.log(`Failed ${abandoned.length} import job(s) left running by a stopped process.`);
if (await seedDemoOrg(database.db)) console.log('Seeded the demo org (slug "demo").');
const adminNote = await ensureAdminUser(database.db, config);
if (adminNote) console.log(adminNote);

const clock = () => new Date();
const forecastPool = new ForecastPool(config.forecasts);
const logger = createLogger(config.logLevel);
const runsInFlight = createRunsInFlight({ db: database.db, config, clock });
const alertScheduler = createAlertScheduler({
  db: database.db,
  clock,
  config,
  forecastPool,
  runsInFlight,
  logger,
});
const githubSync = new GithubSyncScheduler({
  db: database.db,
  clock,
  logger,
  tokenKey: config.github.tokenKey,
  userAgent: `Reviewload/${version}`,
  tickMs: config.github.tickMs,
});
const forecastJobs = createForecastJobs({ db: database.db, config, clock }, forecastPool, runsInFlight);
const app = createApp({
  db: database.db,
  config,
  clock,
  forecastPool,
  forecastJobs,
  runsInFlight,
  alertScheduler,
  logger,
});
const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
  const host = config.host === '127.0.0.1' || config.host === '0.0.0.0' ? 'localhost' : config.host;
  console.log(`Reviewload ${version} listening on http://${host}:${info.port}`);
});
server.once('error', (error: NodeJS.ErrnoException) => {
  const reason = error.code === 'EADDRINUSE' ? 'is already in use' : `cannot be opened (${error.message})`;
  fail(`Invalid configuration: PORT: ${config.host}:${config.port} ${reason}`);
});
alertScheduler.start();
githubSync.start();
forecastJobs.startSweeping();
if (config.forecasts.warmUp) {
  void warmPlansOfRecord({
    db: database.db,
    pool: forecastPool,
    inFlight: runsInFlight,
    clock,
    logger,
    defaultRuns: config.forecasts.defaultRuns,
    timeoutMs: config.forecasts.jobTimeoutMs,
  });
}

let stopping = false;
function shutdown(signal: string): void {
  if (stopping) return;
  stopping = true;
  console.log(`${signal} received: finishing in-flight requests, then closing the database.`);
  const force = setTimeout(() => {
    console.error('Shutdown took too long; exiting.');
    process.exit(1);
  }, shutdownGraceMs);
  force.unref();
  forecastJobs.stop();
  const schedulerStopped = Promise.all([alertScheduler.stop(), githubSync.stop()]);
  server.close(() => {
    void schedulerStopped.then(() => {
      database.close();
      process.exit(0);
    });
  });
  if ('closeIdleConnections' in server) server.closeIdleConnections();
}
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGTERM', () => shutdown('SIGTERM'));
