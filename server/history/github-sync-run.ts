import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { githubRepositories, githubSettings } from '../db/schema';
import { ProblemError } from '../errors';
import type { Logger } from '../logger';
import { acquireLease, releaseLease } from '../scheduler/lease';
import { type Actor, recordAudit } from '../services/audit';
import type * as GithubClientModule from './github-client';
import { type RepoSyncResult, syncRepository } from './github-sync';
import {
  failAbandonedImports,
  finishImportJob,
  githubSyncLease,
  reportProgress,
  startImportJob,
} from './import-jobs';
import { loadPullRequestRules } from './pull-request-rules';
import { decryptToken } from './token-cipher';

/** A sync holds its org's lease this long, renewed with every stored page. */
const leaseMs = 5 * 60_000;

/** What a sync run needs. */
export interface GithubSyncDeps {
  db: Db;
  clock: () => Date;
  logger: Logger;
  tokenKey: Buffer | undefined;
  userAgent: string;
  /** See createGithubClient (./github-client); tests shrink the retry waits. */
  retryUnitMs?: number;
}

/** A failed repository: its name and why (HTTP status and GitHub's message, never the token). */
export interface RepoSyncFailure {
  repo: string;
  status: 'failed';
  error: string;
}

/** A started sync: its job id (poll GET /history/imports/{id}) and its end. */
export interface StartedSync {
  job: string;
  done: Promise<(RepoSyncResult | RepoSyncFailure)[]>;
}

const failureText = (error: unknown) => {
  const status = (error as { status?: unknown }).status;
  const message = error instanceof Error ? error.message : String(error);
  return (typeof status === 'number' ? `${status} ` : '') + message.slice(0, 300);
};

async function syncAll(
  deps: GithubSyncDeps,
  orgId: string,
  job: string,
  actor: Actor,
  trigger: string,
  createGithubClient: typeof GithubClientModule.createGithubClient,
) {
  const settings = (await deps.db
    .select()
    .from(githubSettings)
    .where(eq(githubSettings.orgId, orgId))
    .get())!;
  const token =
    settings.tokenCiphertext && deps.tokenKey
      ? decryptToken(deps.tokenKey, orgId, settings.tokenCiphertext)
      : null;
  const client = createGithubClient({
    baseUrl: settings.baseUrl,
    token,
    userAgent: deps.userAgent,
    logger: deps.logger,
    retryUnitMs: deps.retryUnitMs,
  });
  const rules = await loadPullRequestRules(deps.db, orgId);
  const repos = await deps.db.select().from(githubRepositories).where(eq(githubRepositories.orgId, orgId));
  const results: (RepoSyncResult | RepoSyncFailure)[] = [];
  let pulls = 0;
  for (const row of repos) {
    const ctx = {
      db: deps.db,
      orgId,
      client,
      rules,
      now: deps.clock,
      onPage: async (read: number) => {
        await acquireLease(deps.db, githubSyncLease(orgId), job, deps.clock(), leaseMs);
        await reportProgress(deps.db, job, 0, pulls + read);
      },
    };
    try {
      const result = await syncRepository(ctx, row);
      pulls += result.pulls;
      results.push(result);
    } catch (error) {
      const failure: RepoSyncFailure = { repo: row.repo, status: 'failed', error: failureText(error) };
      deps.logger.warn({ orgId, repo: row.repo, error: failure.error }, 'GitHub sync of a repository failed');
      await deps.db
        .update(githubRepositories)
        .set({ lastSyncAt: deps.clock(), lastStatus: 'failed', lastError: failure.error })
        .where(eq(githubRepositories.id, row.id));
      results.push(failure);
    }
  }
  await deps.db.transaction(async (tx) => {
    await tx.update(githubSettings).set({ lastSyncAt: deps.clock() }).where(eq(githubSettings.orgId, orgId));
    await recordAudit(tx, actor, {
      orgId,
      action: 'sync',
      entity: 'github',
      entityId: job,
      after: { trigger, repositories: results },
    });
  });
  const failed = results.filter((r) => r.status === 'failed');
  await finishImportJob(
    deps.db,
    job,
    deps.clock(),
    failed.length > 0
      ? {
          error: {
            status: 502,
            detail: `${failed.length} of ${results.length} repositories failed.`,
            repositories: results,
          },
        }
      : { result: { repositories: results } },
  );
  return results;
}

/**
 * Starts a sync of every configured repository of the org, one repository after another, under
 * the org's sync lease, held by the job id (409 while another sync holds it; 409 when nothing is
 * configured; the lease of a sync whose process stopped is given back, see failAbandonedImports). A
 * failing repository is recorded and the next one still syncs. Audited as `sync` on `github`.
 */
export async function startGithubSync(
  deps: GithubSyncDeps,
  orgId: string,
  actor: Actor,
  trigger: 'manual' | 'schedule',
): Promise<StartedSync> {
  const configured = await deps.db.select().from(githubSettings).where(eq(githubSettings.orgId, orgId)).get();
  if (!configured) throw new ProblemError(409, 'Conflict', 'GitHub sync is not configured for this org.');
  // Octokit and its plugins load with the first sync, not with every server start; before the sync
  // starts, so its work follows the answer as it did with a static import.
  const { createGithubClient } = await import('./github-client');
  const job = randomUUID();
  const lease = githubSyncLease(orgId);
  await failAbandonedImports(deps.db);
  if (!(await acquireLease(deps.db, lease, job, deps.clock(), leaseMs)))
    throw new ProblemError(409, 'Conflict', 'A GitHub sync of this org is already running.');
  await startImportJob(deps.db, orgId, 'github', job);
  const done = syncAll(deps, orgId, job, actor, trigger, createGithubClient)
    .catch(async (error) => {
      deps.logger.error({ orgId, job, error: failureText(error) }, 'GitHub sync failed');
      await finishImportJob(deps.db, job, deps.clock(), {
        error: { status: 500, detail: failureText(error) },
      });
      throw error;
    })
    .finally(() => releaseLease(deps.db, lease, job));
  return { job, done };
}
