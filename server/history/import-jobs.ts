import { randomUUID } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { type HistorySourceKind, historyImports } from '../db/schema';
import { notFound } from '../errors';

/** An import job as the API shows it. */
export interface ImportJobView {
  id: string;
  kind: HistorySourceKind;
  status: 'running' | 'done' | 'failed';
  bytesRead: number;
  changesRead: number;
  result: Record<string, unknown> | null;
  error: Record<string, unknown> | null;
  createdAt: string;
  finishedAt: string | null;
}

const view = (row: typeof historyImports.$inferSelect): ImportJobView => ({
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

/** Starts a job row (status `running`); the caller reports progress and the end. */
export async function startImportJob(db: Db, orgId: string, kind: HistorySourceKind): Promise<string> {
  const id = randomUUID();
  await db.insert(historyImports).values({ id, orgId, kind, status: 'running' });
  return id;
}

/** Records how far a running job has read. */
export async function reportProgress(db: Db, id: string, bytesRead: number, changesRead: number) {
  await db.update(historyImports).set({ bytesRead, changesRead }).where(eq(historyImports.id, id));
}

/** Ends a job as done with its summary, or failed with its problem. */
export async function finishImportJob(
  db: Db,
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
export async function getImportJob(db: Db, orgId: string, id: string): Promise<ImportJobView> {
  const row = await db
    .select()
    .from(historyImports)
    .where(and(eq(historyImports.orgId, orgId), eq(historyImports.id, id)))
    .get();
  if (!row) throw notFound('import job');
  return view(row);
}

/** The org's latest jobs, newest first. */
export async function latestImportJobs(db: Db, orgId: string, limit = 10): Promise<ImportJobView[]> {
  const rows = await db
    .select()
    .from(historyImports)
    .where(eq(historyImports.orgId, orgId))
    .orderBy(desc(historyImports.createdAt))
    .limit(limit);
  return rows.map(view);
}
