import { eq } from 'drizzle-orm';
import type { OrgThresholds } from '../../shared/contract/org-thresholds';
import { type Thresholds, thresholdsSchema } from '../../shared/index';
import type { Db } from '../db/client';
import { orgThresholds } from '../db/schema';
import { type Actor, recordAudit, type Tx } from './audit';

/** The engine's default thresholds. */
export const defaultThresholds = (): Thresholds => thresholdsSchema.parse({});

/** The org's thresholds, whether they are its own (`custom`) and when they were last stored. */
export type StoredThresholds = Omit<OrgThresholds, 'info'>;

/** The org's stored thresholds over the defaults (a stored set missing a newer key takes its default). */
export async function loadThresholds(db: Tx, orgId: string): Promise<StoredThresholds> {
  const row = await db.select().from(orgThresholds).where(eq(orgThresholds.orgId, orgId)).get();
  const defaults = defaultThresholds();
  return {
    thresholds: row ? thresholdsSchema.parse({ ...defaults, ...row.thresholds }) : defaults,
    defaults,
    custom: row !== undefined,
    updatedAt: row ? row.updatedAt.toISOString() : null,
  };
}

/**
 * Stores `changes` over the org's current thresholds (null `changes` restores the defaults), with
 * its audit row, in one transaction. `changes` is already validated by the route.
 */
export async function saveThresholds(
  db: Db,
  actor: Actor,
  orgId: string,
  changes: Partial<Thresholds> | null,
): Promise<StoredThresholds> {
  return db.transaction(async (tx) => {
    const before = await loadThresholds(tx, orgId);
    if (changes === null) {
      await tx.delete(orgThresholds).where(eq(orgThresholds.orgId, orgId));
    } else {
      const thresholds = thresholdsSchema.parse({ ...before.thresholds, ...changes });
      const updatedAt = new Date();
      await tx
        .insert(orgThresholds)
        .values({ orgId, thresholds, updatedAt })
        .onConflictDoUpdate({ target: orgThresholds.orgId, set: { thresholds, updatedAt } });
    }
    const after = await loadThresholds(tx, orgId);
    await recordAudit(tx, actor, {
      orgId,
      action: 'update',
      entity: 'thresholds',
      entityId: orgId,
      before: before.thresholds,
      after: after.thresholds,
    });
    return after;
  });
}
