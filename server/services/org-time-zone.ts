import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { orgs } from '../db/schema';
import { type Actor, recordAudit } from './audit';

/** Sets the zone whose local Monday 00:00 starts the org's weeks (forecast start weeks); audited. */
export async function setOrgTimeZone(
  db: Db,
  org: { id: string; timeZone: string },
  timeZone: string,
  actor: Actor,
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.update(orgs).set({ timeZone }).where(eq(orgs.id, org.id));
    await recordAudit(tx, actor, {
      orgId: org.id,
      action: 'update',
      entity: 'org',
      entityId: org.id,
      before: { timeZone: org.timeZone },
      after: { timeZone },
    });
  });
}
