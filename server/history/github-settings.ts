import { randomUUID } from 'node:crypto';
import { and, eq, notInArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { GithubSettings, githubSettingsInputSchema } from '../../shared/contract/history-imports';
import type { Db } from '../db/client';
import { githubRepositories, githubSettings } from '../db/schema';
import { ProblemError } from '../errors';
import { nextRunAfter, scheduleProblem } from '../scheduler/schedule';
import { type Actor, recordAudit } from '../services/audit';
import { encryptToken } from './token-cipher';

/** What an admin sets, as the API parsed it; `token` undefined keeps the stored one, null removes it. */
type SettingsInput = z.output<typeof githubSettingsInputSchema>;

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** The settings and per-repository state, or null when the org has not configured a sync. */
export async function githubSettingsView(db: Db, orgId: string): Promise<GithubSettings | null> {
  const row = await db.select().from(githubSettings).where(eq(githubSettings.orgId, orgId)).get();
  if (!row) return null;
  const repos = await db
    .select()
    .from(githubRepositories)
    .where(eq(githubRepositories.orgId, orgId))
    .orderBy(githubRepositories.repo);
  return {
    baseUrl: row.baseUrl,
    tokenSet: row.tokenCiphertext !== null,
    schedule: row.schedule,
    timezone: row.timezone,
    nextSyncAt: iso(row.nextSyncAt),
    lastSyncAt: iso(row.lastSyncAt),
    repositories: repos.map((r) => ({
      repo: r.repo,
      team: r.team,
      lastSyncAt: iso(r.lastSyncAt),
      lastStatus: r.lastStatus,
      lastError: r.lastError,
      pullsRead: r.pullsRead,
      syncedThrough: r.cursor === null ? null : new Date(r.cursor).toISOString(),
      resumePage: r.resumePage,
    })),
  };
}

function checkInput(input: SettingsInput, tokenKey: Buffer | undefined) {
  if (input.schedule !== null) {
    const why = scheduleProblem(input.schedule, input.timezone);
    if (why)
      throw new ProblemError(422, 'Unprocessable Content', 'Invalid schedule.', [
        { path: 'schedule', message: why },
      ]);
  }
  if (input.token && !tokenKey)
    throw new ProblemError(422, 'Unprocessable Content', 'No token can be stored.', [
      { path: 'token', message: 'the server has no GITHUB_TOKEN_KEY to encrypt it with' },
    ]);
}

/**
 * Saves the settings (audited, without the token): the token encrypted when given, the
 * repository list replaced (a repository kept keeps its cursor), the next scheduled sync set.
 */
export async function saveGithubSettings(
  db: Db,
  orgId: string,
  input: SettingsInput,
  context: { tokenKey: Buffer | undefined; now: Date; actor: Actor },
): Promise<GithubSettings> {
  checkInput(input, context.tokenKey);
  const before = await githubSettingsView(db, orgId);
  const fields = {
    baseUrl: input.baseUrl,
    schedule: input.schedule,
    timezone: input.timezone,
    nextSyncAt: input.schedule ? nextRunAfter(input.schedule, input.timezone, context.now) : null,
    updatedAt: context.now,
    ...(input.token === undefined
      ? {}
      : {
          tokenCiphertext:
            input.token && context.tokenKey ? encryptToken(context.tokenKey, orgId, input.token) : null,
        }),
  };
  await db.transaction(async (tx) => {
    await tx
      .insert(githubSettings)
      .values({ orgId, ...fields })
      .onConflictDoUpdate({ target: githubSettings.orgId, set: fields });
    const names = input.repositories.map((r) => r.repo);
    await tx
      .delete(githubRepositories)
      .where(and(eq(githubRepositories.orgId, orgId), notInArray(githubRepositories.repo, names)));
    for (const r of input.repositories)
      await tx
        .insert(githubRepositories)
        .values({ id: randomUUID(), orgId, repo: r.repo, team: r.team ?? null })
        .onConflictDoUpdate({
          target: [githubRepositories.orgId, githubRepositories.repo],
          set: { team: r.team ?? null },
        });
    await recordAudit(tx, context.actor, {
      orgId,
      action: 'update',
      entity: 'github-settings',
      entityId: orgId,
      before,
      after: {
        ...input,
        token: undefined,
        tokenChanged: input.token !== undefined,
      },
    });
  });
  return (await githubSettingsView(db, orgId))!;
}
