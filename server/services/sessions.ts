import { and, eq } from 'drizzle-orm';
import { randomSecret, sha256 } from '../auth/secrets';
import type { Db } from '../db/client';
import { hotReadsOf } from '../db/hot-reads';
import { sessions } from '../db/schema';

/** A session ends after 12 h without a request or 7 days after login, whichever comes first. */
export const sessionIdleMs = 12 * 60 * 60 * 1000;
export const sessionAbsoluteMs = 7 * 24 * 60 * 60 * 1000;
/** lastSeenAt is written at most once a minute per session. */
const touchEveryMs = 60 * 1000;

/** Starts a session for `userId`; returns the id for the cookie (the database keeps its hash). */
export async function createSession(db: Db, userId: string, now: Date): Promise<string> {
  const id = randomSecret(32);
  await db.insert(sessions).values({
    idHash: sha256(id),
    userId,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + sessionAbsoluteMs),
  });
  return id;
}

/** The user id of a live session, refreshing its idle timer; expired sessions are deleted. */
export async function resolveSession(db: Db, id: string, now: Date): Promise<string | undefined> {
  const idHash = sha256(id);
  const hot = hotReadsOf(db);
  const row = hot
    ? hot.sessionByHash(idHash)
    : await db.select().from(sessions).where(eq(sessions.idHash, idHash)).get();
  if (!row) return undefined;
  const t = now.getTime();
  if (row.expiresAt.getTime() <= t || row.lastSeenAt.getTime() + sessionIdleMs <= t) {
    await db.delete(sessions).where(eq(sessions.idHash, idHash));
    return undefined;
  }
  if (t - row.lastSeenAt.getTime() >= touchEveryMs) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.idHash, idHash));
  }
  return row.userId;
}

/** Ends the session with this cookie id (no-op when unknown). */
export async function deleteSession(db: Db, id: string, userId?: string): Promise<void> {
  const match = eq(sessions.idHash, sha256(id));
  await db.delete(sessions).where(userId ? and(match, eq(sessions.userId, userId)) : match);
}
