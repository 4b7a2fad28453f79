import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { createdAt, timestamp } from './columns';
import { orgs } from './org-schema';
import { scenarios } from './scenario-schema';

export const forecastJobStatuses = ['queued', 'running', 'done', 'failed'] as const;
export type ForecastJobStatus = (typeof forecastJobStatuses)[number];

/**
 * Background forecasts (large orgs): the request, how far the engine got (`done` of `total`
 * slices) and, once done, the stored run it produced.
 */
export const forecastJobs = sqliteTable(
  'forecast_jobs',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    scenarioId: text('scenario_id')
      .notNull()
      .references(() => scenarios.id, { onDelete: 'cascade' }),
    /** The forecast request's options (version, horizon, runs, seed, startWeek). */
    request: text('request', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    status: text('status', { enum: forecastJobStatuses }).notNull(),
    done: integer('done').notNull().default(0),
    total: integer('total').notNull().default(0),
    runId: text('run_id'),
    /** Times a process started the job (a job whose process died is started again once). */
    attempts: integer('attempts').notNull().default(0),
    /** Last sign of life of the process running the job; a running job silent too long is stale. */
    heartbeatAt: timestamp('heartbeat_at'),
    error: text('error', { mode: 'json' }).$type<Record<string, unknown>>(),
    createdAt: createdAt(),
    finishedAt: timestamp('finished_at'),
  },
  (t) => [index('forecast_jobs_org_created').on(t.orgId, t.createdAt)],
);

/**
 * Engine runs being computed, one row per input (`key`: scenario, input hash, engine version),
 * so that server processes sharing the database compute an input once: the process holding the
 * row computes and marks it alive, the others wait for the stored run (see RunClaims).
 */
export const forecastClaims = sqliteTable('forecast_claims', {
  key: text('key').primaryKey(),
  /** host:pid of the process computing. */
  runner: text('runner').notNull(),
  done: integer('done').notNull().default(0),
  total: integer('total').notNull().default(0),
  /** Last sign of life of the computing process; a claim silent too long is stale (its process died). */
  heartbeatAt: timestamp('heartbeat_at').notNull(),
  createdAt: createdAt(),
});
