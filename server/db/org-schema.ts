import { sql } from 'drizzle-orm';
import {
  type AnySQLiteColumn,
  index,
  integer,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core';
import type { Level, Parameters } from '../../shared/index';
import { createdAt } from './columns';

/** Headcount per level name, e.g. `{ junior: 4, mid: 7, senior: 5, principal: 1 }`. */
export type Headcount = Record<string, number>;

export const orgs = sqliteTable('orgs', {
  id: text('id').primaryKey(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  /** IANA zone whose local Monday 00:00 starts the org's weeks. */
  timeZone: text('time_zone').notNull().default('UTC'),
  createdAt: createdAt(),
});

export const teams = sqliteTable(
  'teams',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    parentId: text('parent_id').references((): AnySQLiteColumn => teams.id, { onDelete: 'set null' }),
    headcount: text('headcount', { mode: 'json' }).$type<Headcount>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('teams_org_name').on(t.orgId, t.name)],
);

export const engineers = sqliteTable(
  'engineers',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    externalId: text('external_id').notNull(),
    teamId: text('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    level: text('level').notNull(),
    hireDate: text('hire_date').notNull(),
    managerId: text('manager_id'),
    /** Lower-cased commit email addresses of the engineer, matched against imported history. */
    emails: text('emails', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
    /** Lower-cased GitHub login, matched against imported pull requests. */
    github: text('github'),
  },
  (t) => [
    uniqueIndex('engineers_org_external').on(t.orgId, t.externalId),
    index('engineers_team').on(t.teamId),
  ],
);

/** Per-org model settings: the level ladder and the engine parameter set (engine shapes). */
export const orgSettings = sqliteTable('org_settings', {
  orgId: text('org_id')
    .primaryKey()
    .references(() => orgs.id, { onDelete: 'cascade' }),
  levels: text('levels', { mode: 'json' }).$type<Level[]>().notNull(),
  parameters: text('parameters', { mode: 'json' }).$type<Parameters>().notNull(),
});

/**
 * A counter per org that SQLite triggers (migration 0003) raise in the same transaction as every
 * insert, update or delete of the rows a forecast input is built from: the org's name, settings,
 * teams, scenarios and scenario versions. Equal revisions mean an unchanged org model, whichever
 * process or tool wrote to the database; the forecast memo keys on it.
 */
export const modelRevisions = sqliteTable('model_revisions', {
  orgId: text('org_id').primaryKey(),
  revision: integer('revision').notNull().default(0),
});
