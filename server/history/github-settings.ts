import { randomUUID } from 'node:crypto';
import { and, eq, notInArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import { githubRepositories, githubSettings } from '../db/schema';
import { ProblemError } from '../errors';
import { nextRunAfter, scheduleProblem } from '../scheduler/schedule';
import { type Actor, recordAudit } from '../services/audit';
import { encryptToken } from './token-cipher';

/** A repository's sync state as the API shows it. */
export interface GithubRepositoryView {
  repo: string;
  team: string | null;
  lastSyncAt: string | null;
  lastStatus: 'ok' | 'unchanged' | 'failed' | null;
  lastError: string | null;
  pullsRead: number;
  /** Newest pull request update synced (ISO time). */
  syncedThrough: string | null;
  /** An interrupted sync will resume at this list page. */
  resumePage: number | null;
}

/** The org's GitHub sync settings and state; the token itself is never shown, only whether one is stored. */
export interface GithubSettingsView {
  baseUrl: string;
  tokenSet: boolean;
  schedule: string | null;
  timezone: string;
  nextSyncAt: string | null;
  lastSyncAt: string | null;
  repositories: GithubRepositoryView[];
}

/** What an admin sets; `token` undefined keeps the stored one, null removes it. */
export interface GithubSettingsInput {
  baseUrl: string;
  token?: string | null;
  schedule: string | null;
  timezone: string;
  repositories: { repo: string; team?: string | null }[];
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** The settings and per-repository state, or null when the org has not configured a sync. */
export async function githubSettingsView(db: Db, orgId: string): Promise<GithubSettingsView | null> {
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

function checkInput(input: GithubSettingsInput, tokenKey: Buffer | undefined) {
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
  input: GithubSettingsInput,
  context: { tokenKey: Buffer | undefined; now: Date; actor: Actor },
): Promise<GithubSettingsView> {
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
