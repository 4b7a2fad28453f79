import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { engineers, historyAliases } from '../db/schema';
import { notFound, ProblemError } from '../errors';
import { type Actor, recordAudit } from '../services/audit';

/** An alias: identity (lower-cased email or `github:<login>`) -> roster employee_id. */
export interface Alias {
  identity: string;
  employeeId: string;
}

/** The org's aliases by identity. */
export async function listAliases(db: Db, orgId: string): Promise<Alias[]> {
  return db
    .select({ identity: historyAliases.identity, employeeId: historyAliases.employeeId })
    .from(historyAliases)
    .where(eq(historyAliases.orgId, orgId))
    .orderBy(historyAliases.identity);
}

/** Sets (creates or replaces) the alias of an identity; the employee must be on the roster (else 422). */
export async function setAlias(db: Db, orgId: string, alias: Alias, actor: Actor): Promise<Alias> {
  const identity = alias.identity.trim().toLowerCase();
  const known = await db
    .select({ id: engineers.id })
    .from(engineers)
    .where(and(eq(engineers.orgId, orgId), eq(engineers.externalId, alias.employeeId)))
    .get();
  if (!known) {
    throw new ProblemError(422, 'Unprocessable Content', 'The alias names no roster row.', [
      { path: 'employeeId', message: `no employee_id "${alias.employeeId}" on the roster` },
    ]);
  }
  const row = { identity, employeeId: alias.employeeId };
  await db.transaction(async (tx) => {
    await tx
      .insert(historyAliases)
      .values({ orgId, ...row })
      .onConflictDoUpdate({
        target: [historyAliases.orgId, historyAliases.identity],
        set: { employeeId: row.employeeId },
      });
    await recordAudit(tx, actor, {
      orgId,
      action: 'set',
      entity: 'history_alias',
      entityId: identity,
      after: row,
    });
  });
  return row;
}

/** Removes the alias of an identity; 404 when there is none. */
export async function deleteAlias(db: Db, orgId: string, identity: string, actor: Actor): Promise<void> {
  const key = identity.trim().toLowerCase();
  await db.transaction(async (tx) => {
    const removed = await tx
      .delete(historyAliases)
      .where(and(eq(historyAliases.orgId, orgId), eq(historyAliases.identity, key)))
      .returning();
    if (removed.length === 0) throw notFound('alias');
    await recordAudit(tx, actor, {
      orgId,
      action: 'delete',
      entity: 'history_alias',
      entityId: key,
      before: removed[0],
    });
  });
}
