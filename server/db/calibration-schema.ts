import { sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { createdAt } from './columns';
import { orgs, teams } from './org-schema';

/**
 * A stored calibration of one team (or, with no team, the whole org) from its imported history:
 * the result JSON (fitted values, backtest, weekly actuals) and its provenance (changes read,
 * their span, the engine version, who asked).
 */
export const calibrations = sqliteTable('calibrations', {
  id: text('id').primaryKey(),
  orgId: text('org_id')
    .notNull()
    .references(() => orgs.id, { onDelete: 'cascade' }),
  teamId: text('team_id').references(() => teams.id, { onDelete: 'set null' }),
  result: text('result', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
  provenance: text('provenance', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
  createdAt: createdAt(),
});
