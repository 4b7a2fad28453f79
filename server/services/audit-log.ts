import { and, desc, eq, gte, lt, type SQL, sql } from 'drizzle-orm';
import type { AuditEntry } from '../../shared/contract/audit-entry';
import { toCsv } from '../../shared/csv/csv-write';
import type { Db } from '../db/client';
import { apiTokens, auditLog, users } from '../db/schema';
import { afterTimeCursor, type Page, timeKey, toPage } from './pagination';

/** Which entries to read: each given field must match exactly; `from` inclusive, `to` exclusive. */
export interface AuditFilter {
  actor?: string | undefined;
  action?: string | undefined;
  entity?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
}

/** One audit entry as the API gives it; `actorName` is the user's email or the token's name. */
export type AuditView = AuditEntry;

const columns = {
  id: auditLog.id,
  at: auditLog.at,
  actor: auditLog.actor,
  email: users.email,
  tokenName: apiTokens.name,
  action: auditLog.action,
  entity: auditLog.entity,
  entityId: auditLog.entityId,
  before: auditLog.before,
  after: auditLog.after,
};

type Row = Awaited<ReturnType<typeof query>>[number];

const view = (row: Row): AuditView => ({
  id: row.id,
  at: row.at.toISOString(),
  actor: row.actor,
  actorName: row.email ?? row.tokenName ?? null,
  action: row.action,
  entity: row.entity,
  entityId: row.entityId,
  before: row.before,
  after: row.after,
});

function query(db: Db, orgId: string, filter: AuditFilter, after?: SQL) {
  const conditions = [
    eq(auditLog.orgId, orgId),
    filter.actor === undefined ? undefined : eq(auditLog.actor, filter.actor),
    filter.action === undefined ? undefined : eq(auditLog.action, filter.action),
    filter.entity === undefined ? undefined : eq(auditLog.entity, filter.entity),
    filter.from === undefined ? undefined : gte(auditLog.at, filter.from),
    filter.to === undefined ? undefined : lt(auditLog.at, filter.to),
    after,
  ];
  return db
    .select(columns)
    .from(auditLog)
    .leftJoin(users, eq(auditLog.actor, sql`'user:' || ${users.id}`))
    .leftJoin(apiTokens, eq(auditLog.actor, sql`'token:' || ${apiTokens.id}`))
    .where(and(...conditions))
    .orderBy(desc(auditLog.at), desc(auditLog.id));
}

/** A page of the org's audit log, newest first; 400 for a cursor this list did not give out. */
export async function listAudit(
  db: Db,
  orgId: string,
  filter: AuditFilter,
  limit: number,
  cursor?: string,
): Promise<Page<AuditView>> {
  const rows = await query(db, orgId, filter, afterTimeCursor(cursor, auditLog.at, auditLog.id)).limit(
    limit + 1,
  );
  return toPage(rows, limit, timeKey, view);
}

/** Every entry the filter matches, newest first, up to `cap` (the CSV export). */
export async function allAudit(
  db: Db,
  orgId: string,
  filter: AuditFilter,
  cap: number,
): Promise<AuditView[]> {
  return (await query(db, orgId, filter).limit(cap)).map(view);
}

/** The distinct actions and entities in the org's log, for filter pickers. */
export async function auditVocabulary(
  db: Db,
  orgId: string,
): Promise<{ actions: string[]; entities: string[] }> {
  const distinct = async (column: typeof auditLog.action | typeof auditLog.entity) =>
    (
      await db
        .selectDistinct({ value: column })
        .from(auditLog)
        .where(eq(auditLog.orgId, orgId))
        .orderBy(column)
    ).map((row) => row.value);
  return { actions: await distinct(auditLog.action), entities: await distinct(auditLog.entity) };
}

const json = (value: unknown): string => (value === null || value === undefined ? '' : JSON.stringify(value));

/** The audit log as CSV rows (cells starting like a formula are neutralised by `toCsv`). */
export const auditCsv = (entries: AuditView[]): string =>
  toCsv(
    ['at', 'actor', 'actor_name', 'action', 'entity', 'entity_id', 'before', 'after'],
    entries.map((e) => [
      e.at,
      e.actor,
      e.actorName ?? '',
      e.action,
      e.entity,
      e.entityId ?? '',
      json(e.before),
      json(e.after),
    ]),
  );
