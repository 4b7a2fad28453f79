import { randomUUID } from 'node:crypto';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { ApiToken } from '../../shared/contract/people';
import { newApiToken, sameDigest, sha256, tokenPrefix } from '../auth/secrets';
import type { Db } from '../db/client';
import { hotReadsOf } from '../db/hot-reads';
import { preparedQuery } from '../db/prepared';
import { apiTokens, type Role } from '../db/schema';
import { notFound, ProblemError } from '../errors';
import { type Actor, recordAudit } from './audit';
import { afterTimeCursor, type Page, timeKey, toPage } from './pagination';

const touchEveryMs = 60 * 1000;

/** Public view of a token row (never the secret or its hash). */
const view = (row: typeof apiTokens.$inferSelect): ApiToken => ({
  id: row.id,
  name: row.name,
  role: row.role,
  prefix: row.prefix,
  createdAt: row.createdAt.toISOString(),
  lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  revokedAt: row.revokedAt?.toISOString() ?? null,
  expiresAt: row.expiresAt?.toISOString() ?? null,
});

/**
 * Creates a token for one org and role, optionally expiring at `expiresAt` (which must be later
 * than `now`); the returned `token` is the only time the secret is visible.
 */
export async function createApiToken(
  db: Db,
  input: { orgId: string; name: string; role: Role; expiresAt?: Date | undefined },
  actor: Actor,
  now = new Date(),
): Promise<ApiToken & { token: string }> {
  if (input.expiresAt && input.expiresAt.getTime() <= now.getTime()) {
    throw new ProblemError(422, 'Unprocessable Content', 'The expiry must be in the future.', [
      { path: 'expiresAt', message: `must be later than ${now.toISOString()}` },
    ]);
  }
  const { token, prefix, hash } = newApiToken();
  const id = randomUUID();
  const createdBy = actor.id;
  const row = await db.transaction(async (tx) => {
    const [inserted] = await tx
      .insert(apiTokens)
      .values({ id, ...input, prefix, secretHash: hash, createdBy })
      .returning();
    const result = view(inserted!);
    await recordAudit(tx, actor, {
      orgId: input.orgId,
      action: 'create',
      entity: 'api_token',
      entityId: id,
      after: result,
    });
    return result;
  });
  return { ...row, token };
}

/** Tokens of an org, newest first, revoked ones included (marked), a page at a time. */
export async function listApiTokens(
  db: Db,
  orgId: string,
  limit: number,
  cursor?: string,
): Promise<Page<ApiToken>> {
  const rows = await db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.orgId, orgId), afterTimeCursor(cursor, apiTokens.createdAt, apiTokens.id)))
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id))
    .limit(limit + 1);
  return toPage(rows, limit, (r) => timeKey({ id: r.id, at: r.createdAt }), view);
}

/** Revokes a token of this org; 404 for another org's or an unknown token. */
export async function revokeApiToken(
  db: Db,
  orgId: string,
  id: string,
  actor: Actor,
  now: Date,
): Promise<void> {
  await db.transaction(async (tx) => {
    const where = and(eq(apiTokens.id, id), eq(apiTokens.orgId, orgId));
    const before = await tx.select().from(apiTokens).where(where).get();
    if (!before) throw notFound('token');
    if (before.revokedAt) return;
    await tx.update(apiTokens).set({ revokedAt: now }).where(where);
    await recordAudit(tx, actor, {
      orgId,
      action: 'revoke',
      entity: 'api_token',
      entityId: id,
      before: view(before),
      after: { ...view(before), revokedAt: now.toISOString() },
    });
  });
}

/** The live token matching `token`, updating its last-used time; undefined when unknown, revoked or expired. */
const liveTokenByPrefix = preparedQuery((db) =>
  db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.prefix, sql.placeholder('prefix')), isNull(apiTokens.revokedAt)))
    .prepare(),
);

export async function resolveApiToken(db: Db, token: string, now: Date) {
  const prefix = tokenPrefix(token);
  if (!prefix) return undefined;
  const hot = hotReadsOf(db);
  const row = hot ? hot.tokenByPrefix(prefix) : await liveTokenByPrefix(db).get({ prefix });
  if (!row || !sameDigest(row.secretHash, sha256(token))) return undefined;
  if (row.expiresAt && row.expiresAt.getTime() <= now.getTime()) return undefined;
  const touch = !row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= touchEveryMs;
  if (touch) await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.id));
  const lastUsedAt = touch ? now : row.lastUsedAt!;
  /** Until its expiry or its next last-used write, only a write to its row changes this answer. */
  const heldUntil = Math.min(
    row.expiresAt?.getTime() ?? Number.POSITIVE_INFINITY,
    lastUsedAt.getTime() + touchEveryMs,
  );
  return { ...row, lastUsedAt, heldUntil };
}
