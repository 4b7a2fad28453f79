import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { and, desc, eq } from 'drizzle-orm';
import type { HistoryImportJob } from '../../shared/contract/history-imports';
import type { Db } from '../db/client';
import { type HistorySourceKind, historyImports } from '../db/schema';
import { notFound } from '../errors';
import { releaseLease } from '../scheduler/lease';
import type { Tx } from '../services/audit';

/** The lease a GitHub sync of org `orgId` holds while it runs (its holder: the sync's job id). */
export const githubSyncLease = (orgId: string) => `github-sync:${orgId}`;

/** This process as a job's runner. */
const thisRunner = () => `${hostname()}:${process.pid}`;

/**
 * A running job with no sign of life for this long is abandoned even when its process cannot be
 * checked (another host): reading reports progress often, and storing the largest upload (200 MB)
 * takes well under this.
 */
export const abandonedAfterMs = 30 * 60_000;

const abandonedDetail: Record<HistorySourceKind, string> = {
  git: 'The process running this import stopped before it finished (killed or crashed); nothing of it was stored. Run the import again.',
  github:
    'The process running this sync stopped before it finished (killed or crashed); the pages it stored are kept, and the next sync resumes after them.',
};

/** Whether process `pid` of this host is gone (a live one of another user answers EPERM). */
function processGone(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

const isAbandoned = (row: typeof historyImports.$inferSelect, now: Date) => {
  const [host, pid] = (row.runner ?? '').split(':');
  if (host === hostname() && pid && Number(pid) !== process.pid && processGone(Number(pid))) return true;
  const alive = row.heartbeatAt ?? row.createdAt;
  return now.getTime() - alive.getTime() > abandonedAfterMs;
};

/**
 * Fails the jobs left `running` by a process that stopped without ending them (SIGKILL, crash,
 * power loss): those whose runner process on this host is gone, and any silent for
 * {@link abandonedAfterMs}. Each then says so and can be run again (imports are idempotent; a
 * GitHub sync resumes: its org's sync lease, held by the job id, is given back). Called when an import starts and when the server starts. Resolves with
 * the ids failed.
 */
export async function failAbandonedImports(db: Db, now = new Date()): Promise<string[]> {
  const running = await db.select().from(historyImports).where(eq(historyImports.status, 'running'));
  const failed: string[] = [];
  for (const row of running.filter((r) => isAbandoned(r, now))) {
    const claimed = await db
      .update(historyImports)
      .set({
        status: 'failed',
        finishedAt: now,
        error: { status: 500, detail: abandonedDetail[row.kind], abandoned: true },
      })
      .where(and(eq(historyImports.id, row.id), eq(historyImports.status, 'running')))
      .returning({ id: historyImports.id });
    if (claimed.length === 0) continue;
    failed.push(row.id);
    if (row.kind === 'github') await releaseLease(db, githubSyncLease(row.orgId), row.id);
  }
  return failed;
}

const view = (row: typeof historyImports.$inferSelect): HistoryImportJob => ({
  id: row.id,
  kind: row.kind,
  status: row.status,
  bytesRead: row.bytesRead,
  changesRead: row.changesRead,
  result: row.result,
  error: row.error,
  createdAt: row.createdAt.toISOString(),
  finishedAt: row.finishedAt?.toISOString() ?? null,
});

/**
 * Starts a job row (status `running`, run by this process; `id` when the caller chose it) after
 * failing abandoned ones (see {@link failAbandonedImports}); the caller reports progress and the end.
 */
export async function startImportJob(
  db: Db,
  orgId: string,
  kind: HistorySourceKind,
  id: string = randomUUID(),
): Promise<string> {
  await failAbandonedImports(db);
  await db
    .insert(historyImports)
    .values({ id, orgId, kind, status: 'running', runner: thisRunner(), heartbeatAt: new Date() });
  return id;
}

/** Records how far a running job has read (and that it is alive). */
export async function reportProgress(db: Db, id: string, bytesRead: number, changesRead: number) {
  await db
    .update(historyImports)
    .set({ bytesRead, changesRead, heartbeatAt: new Date() })
    .where(eq(historyImports.id, id));
}

/** Ends a job as done with its summary, or failed with its problem (inside a store's transaction when given one). */
export async function finishImportJob(
  db: Tx,
  id: string,
  now: Date,
  outcome: { result: Record<string, unknown> } | { error: Record<string, unknown> },
) {
  await db
    .update(historyImports)
    .set({
      status: 'result' in outcome ? 'done' : 'failed',
      finishedAt: now,
      ...('result' in outcome ? { result: outcome.result } : { error: outcome.error }),
    })
    .where(eq(historyImports.id, id));
}

/** One job of the org; 404 for another org's. */
export async function getImportJob(db: Db, orgId: string, id: string): Promise<HistoryImportJob> {
  const row = await db
    .select()
    .from(historyImports)
    .where(and(eq(historyImports.orgId, orgId), eq(historyImports.id, id)))
    .get();
  if (!row) throw notFound('import job');
  return view(row);
}

/** The org's latest jobs, newest first. */
export async function latestImportJobs(db: Db, orgId: string, limit = 10): Promise<HistoryImportJob[]> {
  const rows = await db
    .select()
    .from(historyImports)
    .where(eq(historyImports.orgId, orgId))
    .orderBy(desc(historyImports.createdAt))
    .limit(limit);
  return rows.map(view);
}
