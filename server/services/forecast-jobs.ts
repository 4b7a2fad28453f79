import { randomUUID } from 'node:crypto';
import { and, eq, inArray, isNull, lt, or } from 'drizzle-orm';
import type { ForecastJob } from '../../shared/contract/forecast-job';
import type { Db } from '../db/client';
import { forecastJobs, orgs } from '../db/schema';
import { notFound, ProblemError } from '../errors';
import { type Actor, recordAudit, systemActor } from './audit';
import { canonicalJson } from './canonical-hash';
import type { ForecastEngine } from './forecast-pool';
import { type ForecastOrg, type ForecastRequest, forecastScenario } from './forecasts';
import type { RunsInFlight } from './runs-in-flight';
import { getVersion } from './scenarios';

const view = (row: typeof forecastJobs.$inferSelect): ForecastJob => ({
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
  /** Engine runs in flight in this process (shared with forecast requests): a job joins a run of its input. */
  inFlight?: RunsInFlight | undefined;
  /** Longest a job may take once started (ms). */
  timeoutMs: number;
  /** Monte Carlo runs of a job whose request does not say (FORECAST_DEFAULT_RUNS; default 500). */
  defaultRuns?: number | undefined;
  /** How often a process marks its running and queued jobs' rows alive (ms; default 10 s). */
  heartbeatMs?: number | undefined;
  /** A running or queued job silent this long is stale: its process died (ms; default 60 s). */
  staleMs?: number | undefined;
}

/** Times a job is started before a stale one is failed instead of started again. */
export const maxJobAttempts = 2;

const staleProblem = {
  status: 500,
  title: 'Internal Server Error',
  detail: `The process running the forecast stopped ${maxJobAttempts} times; it is not started again.`,
};

/**
 * Forecasts that run in the background (large orgs): a job row in the database says how far
 * the engine got, and once done, which stored run it produced. Jobs of one process run one at
 * a time, in the order they were asked for; each splits into at least {@link jobPieces} slices
 * so its progress moves. A job's run is stored like any forecast (same cache, same bytes).
 */
export class ForecastJobs {
  private tail: Promise<void> = Promise.resolve();
  private sweeper: NodeJS.Timeout | undefined;
  /** Jobs queued in this process and not started yet, whose rows it keeps alive. */
  private readonly waiting = new Set<string>();
  private waitingBeat: NodeJS.Timeout | undefined;

  constructor(private readonly deps: ForecastJobsDeps) {}

  /** Looks for stale jobs now and then every half {@link ForecastJobsDeps.staleMs} until {@link stop}. */
  startSweeping(): void {
    const staleMs = this.deps.staleMs ?? 60_000;
    void this.recoverStale().catch(() => undefined);
    this.sweeper = setInterval(() => void this.recoverStale().catch(() => undefined), staleMs / 2);
    this.sweeper.unref();
  }

  /** Stops sweeping for stale jobs and beating for queued ones. */
  stop(): void {
    clearInterval(this.sweeper);
    clearInterval(this.waitingBeat);
    this.waitingBeat = undefined;
  }

  /**
   * Jobs whose process died: running or queued with no heartbeat for `staleMs` (a queued row
   * from before queued jobs beat, by its creation time). Each is claimed (one process wins when
   * several sweep one database) and queued again here; a running one is failed instead once it
   * has been started {@link maxJobAttempts} times. Resolves with the ids handled.
   */
  async recoverStale(): Promise<string[]> {
    const { db, clock } = this.deps;
    const cutoff = new Date(clock().getTime() - (this.deps.staleMs ?? 60_000));
    const silent = or(
      lt(forecastJobs.heartbeatAt, cutoff),
      and(isNull(forecastJobs.heartbeatAt), lt(forecastJobs.createdAt, cutoff)),
    );
    const stale = await db
      .select()
      .from(forecastJobs)
      .where(and(inArray(forecastJobs.status, ['running', 'queued']), silent))
      .all();
    const handled: string[] = [];
    for (const job of stale) {
      if (this.waiting.has(job.id)) continue;
      const retry = job.status === 'queued' || job.attempts < maxJobAttempts;
      const claimed = await db
        .update(forecastJobs)
        .set(
          retry
            ? { status: 'queued', heartbeatAt: clock() }
            : { status: 'failed', error: staleProblem, finishedAt: clock() },
        )
        .where(
          and(
            eq(forecastJobs.id, job.id),
            eq(forecastJobs.status, job.status),
            job.heartbeatAt
              ? eq(forecastJobs.heartbeatAt, job.heartbeatAt)
              : isNull(forecastJobs.heartbeatAt),
          ),
        )
        .returning({ id: forecastJobs.id });
      if (claimed.length === 0) continue;
      handled.push(job.id);
      if (!retry) continue;
      const org = await db
        .select({ id: orgs.id, name: orgs.name, timeZone: orgs.timeZone })
        .from(orgs)
        .where(eq(orgs.id, job.orgId))
        .get();
      if (org) this.enqueue(job.id, org, systemActor, { ...job.request, scenarioId: job.scenarioId });
    }
    return handled;
  }

  /** Queues a forecast of a scenario version; 404 for an unknown scenario or version. */
  async start(org: ForecastOrg, actor: Actor, request: ForecastRequest) {
    const { db } = this.deps;
    await getVersion(db, org.id, request.scenarioId, request.version);
    const { scenarioId, ...options } = request;
    const id = randomUUID();
    await db.transaction(async (tx) => {
      await tx.insert(forecastJobs).values({
        id,
        orgId: org.id,
        scenarioId,
        request: options,
        status: 'queued',
        heartbeatAt: this.deps.clock(),
      });
      await recordAudit(tx, actor, {
        orgId: org.id,
        action: 'create',
        entity: 'forecast_job',
        entityId: id,
        after: { scenarioId, options },
      });
    });
    this.enqueue(id, org, actor, request);
    return getForecastJob(db, org.id, id);
  }

  /**
   * The queued or running job of the org forecasting the same scenario with the same options, else
   * a new one (see {@link start}): callers asking for one run while it computes share its job.
   */
  async ensure(org: ForecastOrg, actor: Actor, request: ForecastRequest) {
    const { scenarioId, ...options } = request;
    const wanted = canonicalJson(options);
    const open = await this.deps.db
      .select({ id: forecastJobs.id, request: forecastJobs.request })
      .from(forecastJobs)
      .where(
        and(
          eq(forecastJobs.orgId, org.id),
          eq(forecastJobs.scenarioId, scenarioId),
          inArray(forecastJobs.status, ['queued', 'running']),
        ),
      )
      .all();
    const same = open.find((job) => canonicalJson(job.request) === wanted);
    return same ? getForecastJob(this.deps.db, org.id, same.id) : this.start(org, actor, request);
  }

  private enqueue(id: string, org: ForecastOrg, actor: Actor, request: ForecastRequest): void {
    this.wait(id);
    this.tail = this.tail
      .then(() => {
        this.waiting.delete(id);
        return this.execute(id, org, actor, request);
      })
      .catch(() => undefined);
  }

  /** Keeps the rows of jobs waiting here alive (every heartbeatMs) until they start. */
  private wait(id: string): void {
    this.waiting.add(id);
    if (this.waitingBeat) return;
    this.waitingBeat = setInterval(() => {
      if (this.waiting.size === 0) {
        clearInterval(this.waitingBeat);
        this.waitingBeat = undefined;
        return;
      }
      const ids = [...this.waiting];
      void this.deps.db
        .update(forecastJobs)
        .set({ heartbeatAt: this.deps.clock() })
        .where(and(inArray(forecastJobs.id, ids), eq(forecastJobs.status, 'queued')))
        .catch(() => undefined);
    }, this.deps.heartbeatMs ?? 10_000);
    this.waitingBeat.unref();
  }

  /** Resolves once every job queued so far has finished (tests, shutdown). */
  idle(): Promise<void> {
    return this.tail;
  }

  private async execute(id: string, org: ForecastOrg, actor: Actor, request: ForecastRequest) {
    const { db, engine, clock, timeoutMs } = this.deps;
    const update = (values: Partial<typeof forecastJobs.$inferInsert>) =>
      db.update(forecastJobs).set(values).where(eq(forecastJobs.id, id));
    const job = await db
      .select({ attempts: forecastJobs.attempts })
      .from(forecastJobs)
      .where(eq(forecastJobs.id, id))
      .get();
    let progress: Promise<unknown> = update({
      status: 'running',
      attempts: (job?.attempts ?? 0) + 1,
      heartbeatAt: clock(),
    });
    await progress;
    const onProgress = (done: number, total: number) => {
      progress = progress.then(() => update({ done, total, heartbeatAt: clock() }));
    };
    const beat = () => {
      progress = progress.then(() => update({ heartbeatAt: clock() })).catch(() => undefined);
    };
    const heartbeat = setInterval(beat, this.deps.heartbeatMs ?? 10_000);
    heartbeat.unref();
    try {
      const ctx = {
        db,
        pool: engine,
        defaultRuns: this.deps.defaultRuns,
        now: clock(),
        actor,
        inFlight: this.deps.inFlight,
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
    } finally {
      clearInterval(heartbeat);
    }
  }
}

/** One forecast job of the org; 404 for another org's. */
export async function getForecastJob(db: Db, orgId: string, id: string): Promise<ForecastJob> {
  const row = await db
    .select()
    .from(forecastJobs)
    .where(and(eq(forecastJobs.orgId, orgId), eq(forecastJobs.id, id)))
    .get();
  if (!row) throw notFound('forecast job');
  return view(row);
}
