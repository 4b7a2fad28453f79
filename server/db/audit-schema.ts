import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { createdAt } from './columns';

/** Who changed what and when; written in the same transaction as the change. */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id'),
    /** `user:<id>`, `token:<id>` or `system`. */
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id'),
    before: text('before', { mode: 'json' }),
    after: text('after', { mode: 'json' }),
    at: createdAt(),
  },
  (t) => [index('audit_log_org').on(t.orgId, t.at)],
);
