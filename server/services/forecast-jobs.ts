import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { forecastJobs } from '../db/schema';
import { notFound, ProblemError } from '../errors';
import { type Actor, recordAudit } from './audit';
import type { ForecastEngine } from './forecast-pool';
import { type ForecastOrg, type ForecastRequest, forecastScenario } from './forecasts';
import { getVersion } from './scenarios';

/** A background forecast as the API shows it. */
export interface ForecastJobView {
  id: string;
  scenarioId: string;
  status: (typeof forecastJobs.$inferSelect)['status'];
  /** Slices finished of `total` (0 of 0 until the engine has planned them). */
  done: number;
  total: number;
  /** The stored run once done (GET /orgs/{org}/forecasts/{runId}). */
  runId: string | null;
  error: Record<string, unknown> | null;
  createdAt: string;
  finishedAt: string | null;
}

const view = (row: typeof forecastJobs.$inferSelect): ForecastJobView => ({
  id: row.id,
  scenarioId: row.scenarioId,
  status: row.status,
  done: row.done,
  total: row.total,
  runId: row.runId,
  error: row.error,
  createdAt: row.createdAt.toISOString(),
  finishedAt: row.finishedAt?.toISOString() ?? null,
});

/** Slices a job's Monte Carlo splits into at least: progress moves in tenths or finer. */
export const jobPieces = 10;

export interface ForecastJobsDeps {
  db: Db;
  /** Runs the job's engine input: the thread pool, or slices over Redis. */
  engine: ForecastEngine;
  clock: () => Date;
  /** Longest a job may take once started (ms). */
  timeoutMs: number;
}

/**
 * Forecasts that run in the background (large orgs): a job row in the database says how far
 * the engine got, and once done, which stored run it produced. Jobs of one process run one at
 * a time, in the order they were asked for; each splits into at least {@link jobPieces} slices
 * so its progress moves. A job's run is stored like any forecast (same cache, same bytes).
 */
export class ForecastJobs {
  private tail: Promise<void> = Promise.resolve();

  constructor(private readonly deps: ForecastJobsDeps) {}

  /** Queues a forecast of a scenario version; 404 for an unknown scenario or version. */
  async start(org: ForecastOrg, actor: Actor, request: ForecastRequest) {
    const { db } = this.deps;
    await getVersion(db, org.id, request.scenarioId, request.version);
    const { scenarioId, ...options } = request;
    const id = randomUUID();
    await db.transaction(async (tx) => {
      await tx
        .insert(forecastJobs)
        .values({ id, orgId: org.id, scenarioId, request: options, status: 'queued' });
      await recordAudit(tx, actor, {
        orgId: org.id,
        action: 'create',
        entity: 'forecast_job',
        entityId: id,
        after: { scenarioId, options },
      });
    });
    this.tail = this.tail.then(() => this.execute(id, org, actor, request)).catch(() => undefined);
    return getForecastJob(db, org.id, id);
  }

  /** Resolves once every job queued so far has finished (tests, shutdown). */
  idle(): Promise<void> {
    return this.tail;
  }

  private async execute(id: string, org: ForecastOrg, actor: Actor, request: ForecastRequest) {
    const { db, engine, clock, timeoutMs } = this.deps;
    const update = (values: Partial<typeof forecastJobs.$inferInsert>) =>
      db.update(forecastJobs).set(values).where(eq(forecastJobs.id, id));
    let progress: Promise<unknown> = update({ status: 'running' });
    await progress;
    const onProgress = (done: number, total: number) => {
      progress = progress.then(() => update({ done, total }));
    };
    try {
      const ctx = {
        db,
        pool: engine,
        now: clock(),
        actor,
        control: { pieces: jobPieces, timeoutMs, onProgress },
      };
      const { run } = await forecastScenario(ctx, org, request);
      await progress;
      await update({ status: 'done', runId: run.id, finishedAt: clock() });
    } catch (error) {
      await progress.catch(() => undefined);
      const problem =
        error instanceof ProblemError
          ? { status: error.status, title: error.title, detail: error.detail ?? error.title }
          : { status: 500, title: 'Internal Server Error', detail: 'The forecast failed.' };
      await update({ status: 'failed', error: problem, finishedAt: clock() }).catch(() => undefined);
    }
  }
}

/** One forecast job of the org; 404 for another org's. */
export async function getForecastJob(db: Db, orgId: string, id: string): Promise<ForecastJobView> {
  const row = await db
    .select()
    .from(forecastJobs)
    .where(and(eq(forecastJobs.orgId, orgId), eq(forecastJobs.id, id)))
    .get();
  if (!row) throw notFound('forecast job');
  return view(row);
}
