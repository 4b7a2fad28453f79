import { sql } from 'drizzle-orm';
import { schedulerLeases } from '../db/alerts-schema';
import type { Db } from '../db/client';

/**
 * Takes the lease `name` for `holder` until `now + ttlMs`, in one atomic statement: it succeeds
 * when nobody holds it, the current lease has expired, or `holder` already holds it. Returns
 * whether `holder` holds it now. Processes sharing a database use this so only one acts.
 */
export async function acquireLease(db: Db, name: string, holder: string, now: Date, ttlMs: number) {
  const expiresAt = new Date(now.getTime() + ttlMs);
  const rows = await db
    .insert(schedulerLeases)
    .values({ name, holder, expiresAt })
    .onConflictDoUpdate({
      target: schedulerLeases.name,
      set: { holder, expiresAt },
      setWhere: sql`${schedulerLeases.expiresAt} <= ${now.getTime()} or ${schedulerLeases.holder} = ${holder}`,
    })
    .returning({ holder: schedulerLeases.holder });
  return rows[0]?.holder === holder;
}

/** Gives the lease back early, if `holder` still holds it. */
export async function releaseLease(db: Db, name: string, holder: string): Promise<void> {
  await db
    .delete(schedulerLeases)
    .where(sql`${schedulerLeases.name} = ${name} and ${schedulerLeases.holder} = ${holder}`);
}
