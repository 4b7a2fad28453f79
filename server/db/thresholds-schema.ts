import { sql } from 'drizzle-orm';
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { Thresholds } from '../../shared/index';
import { orgs } from './org-schema';

/**
 * The org's breach thresholds (first-breach answers, reviewers needed, absorbable layoff); the
 * engine defaults until an admin stores the org's own. A trigger (migration) raises the org's
 * model revision on every write, as for the other rows a forecast input is built from.
 */
export const orgThresholds = sqliteTable('org_thresholds', {
  orgId: text('org_id')
    .primaryKey()
    .references(() => orgs.id, { onDelete: 'cascade' }),
  thresholds: text('thresholds', { mode: 'json' }).$type<Thresholds>().notNull(),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`),
});
