import { randomUUID } from 'node:crypto';
import type { Db } from '../db/client';
import { auditLog } from '../db/schema';

/** Who made a change: `id` is the user or token id (null for the system), `label` e.g. `user:<id>`. */
export interface Actor {
  id: string | null;
  label: string;
}

export const systemActor: Actor = { id: null, label: 'system' };

/** A drizzle transaction or the database itself. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0] | Db;

/** One change: what happened (`action` on `entity`), with the row before and after (null when absent). */
export interface AuditChange {
  orgId: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
}

/** Appends one audit entry; call it inside the transaction that makes the change. */
export async function recordAudit(tx: Tx, actor: Actor, entry: AuditChange): Promise<void> {
  await tx.insert(auditLog).values({
    id: randomUUID(),
    actor: actor.label,
    ...entry,
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}
