import { sql } from 'drizzle-orm';
import { blob, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { Forecast, RunOptions, Scenario } from '../../shared/index';
import { createdAt, timestamp } from './columns';
import { orgs } from './org-schema';

export const scenarios = sqliteTable(
  'scenarios',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    latestVersion: integer('latest_version').notNull(),
    /** At most one scenario per org is the plan of record (unique partial index below). */
    planOfRecord: integer('plan_of_record', { mode: 'boolean' }).notNull().default(false),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at').notNull(),
  },
  (t) => [
    index('scenarios_org').on(t.orgId, t.updatedAt),
    uniqueIndex('scenarios_one_plan_of_record').on(t.orgId).where(sql`plan_of_record = 1`),
  ],
);

/** Every save of a scenario: immutable, numbered from 1. */
export const scenarioVersions = sqliteTable(
  'scenario_versions',
  {
    id: text('id').primaryKey(),
    scenarioId: text('scenario_id')
      .notNull()
      .references(() => scenarios.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    body: text('body', { mode: 'json' }).$type<Scenario>().notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('scenario_versions_number').on(t.scenarioId, t.version)],
);

/** A stored forecast, found again by the SHA-256 of its canonical input and the engine version. */
export const forecastRuns = sqliteTable(
  'forecast_runs',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    scenarioId: text('scenario_id')
      .notNull()
      .references(() => scenarios.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    inputHash: text('input_hash').notNull(),
    engineVersion: text('engine_version').notNull(),
    options: text('options', { mode: 'json' }).$type<RunOptions>().notNull(),
    summary: text('summary', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    /** Capacity report rows (one per team), precomputed so reports skip the series. */
    report: text('report', { mode: 'json' }).$type<object[]>().notNull(),
    /** The forecast without its teams (weeks, levels, org bands); the teams are in forecast_run_teams. */
    series: text('series', { mode: 'json' }).$type<Omit<Forecast, 'teams'>>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('forecast_runs_input').on(t.scenarioId, t.inputHash, t.engineVersion)],
);

/**
 * A stored run's teams in chunks of at most 256 (TEAM_CHUNK), in team order: each chunk is the
 * gzipped UTF-8 JSON array of its TeamForecast objects (runs stored before chunking hold one
 * plain JSON chunk), so no one value grows with the org and reads stream chunk by chunk. `digest`
 * is the gzipped JSON array of the chunk's TeamDigest objects (what the Dashboard reads of each
 * team); null in runs stored before digests, whose Dashboard reads the teams themselves.
 */
export const forecastRunTeams = sqliteTable(
  'forecast_run_teams',
  {
    runId: text('run_id')
      .notNull()
      .references(() => forecastRuns.id, { onDelete: 'cascade' }),
    chunk: integer('chunk').notNull(),
    teams: blob('teams', { mode: 'buffer' }).notNull(),
    digest: blob('digest', { mode: 'buffer' }),
  },
  (t) => [primaryKey({ columns: [t.runId, t.chunk] })],
);
