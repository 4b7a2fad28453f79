import { eq } from 'drizzle-orm';
import { orgs } from '../db/schema';
import { type Actor, recordAudit, type Tx } from './audit';

/**
 * Sets the zone whose local Monday 00:00 starts the org's weeks (forecast start weeks), with its
 * audit row; call it inside the transaction of the whole change.
 */
export async function setOrgTimeZone(
  tx: Tx,
  org: { id: string; timeZone: string },
  timeZone: string,
  actor: Actor,
): Promise<void> {
  await tx.update(orgs).set({ timeZone }).where(eq(orgs.id, org.id));
  await recordAudit(tx, actor, {
    orgId: org.id,
    action: 'update',
    entity: 'org',
    entityId: org.id,
    before: { timeZone: org.timeZone },
    after: { timeZone },
  });
}
