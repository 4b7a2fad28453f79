import { type Forecast, type ForecastInput, forecastInputSchema, formatIssues } from '../../shared/index';
import type { Db } from '../db/client';
import { forecastRuns } from '../db/schema';
import { ProblemError } from '../errors';
import type { Actor } from './audit';
import { canonicalHash } from './canonical-hash';
import { computeRun, runColumns, storedRunKey } from './compute-run';
import { type ForecastMemo, type MemoRequest, type MemoRun, modelRevision } from './forecast-memo';
import type { ForecastEngine, RunControl } from './forecast-pool';
import { defaultRuns } from './forecast-runs';
import { loadModel } from './org-model';
import type { RunsInFlight } from './runs-in-flight';
import { getVersion } from './scenarios';
import { fromStoredSeries, type StoredSeries } from './series-chunks';
import { loadSeries, runView } from './stored-runs';
import { loadThresholds } from './thresholds';
import { mondayOf } from './week-memo';

export { defaultRuns, maxRuns } from './forecast-runs';

export interface ForecastRequest {
  scenarioId: string;
  version?: number | undefined;
  horizon?: number | undefined;
  runs?: number | undefined;
  seed?: number | undefined;
  startWeek?: string | undefined;
}

export interface ForecastContext {
  db: Db;
  pool: ForecastEngine;
  now: Date;
  actor: Actor;
  /** Remembers resolved requests and stored bodies; without it every request reads the database. */
  memo?: ForecastMemo | undefined;
  /** Aborts the engine run when the caller goes away (the request's signal). */
  signal?: AbortSignal | undefined;
  /** The org's model revision, when the caller read it in this request already (see ForecastMemo). */
  revision?: number | undefined;
  /** Progress, slicing and time limit of an engine run (background jobs). */
  control?: Omit<RunControl, 'signal'> | undefined;
  /** Monte Carlo runs when the request does not say (FORECAST_DEFAULT_RUNS; else {@link defaultRuns}). */
  defaultRuns?: number | undefined;
  /** Engine runs in flight in this process: an input already computing is waited for, not run again. */
  inFlight?: RunsInFlight | undefined;
  /**
   * Called with the engine input and the request when the run is not stored, before the engine
   * runs or a run in flight is joined; it may throw to answer otherwise (see deferLargeRuns).
   */
  beforeCompute?: ((input: ForecastInput, request: ForecastRequest) => Promise<void>) | undefined;
}

/** An org as forecasts need it: weeks start at its local Monday 00:00. */
export interface ForecastOrg {
  id: string;
  name: string;
  timeZone: string;
}

/** The run options of a request: its own, else the defaults (start: the org's week holding `now`). */
const runOptions = (request: ForecastRequest, ctx: ForecastContext, timeZone: string) => ({
  startWeek: request.startWeek ?? mondayOf(ctx.now, timeZone),
  horizonWeeks: request.horizon ?? 52,
  runs: request.runs ?? ctx.defaultRuns ?? defaultRuns,
  seed: request.seed ?? 1,
});

/** The engine input for a scenario version of the org, validated; 422 names the fields. */
async function engineInput(
  db: Db,
  org: { id: string; name: string },
  request: ForecastRequest,
  options: ReturnType<typeof runOptions>,
) {
  const version = await getVersion(db, org.id, request.scenarioId, request.version);
  const model = await loadModel(db, org);
  const { thresholds } = await loadThresholds(db, org.id);
  const parsed = forecastInputSchema.safeParse({
    ...model,
    scenario: version.scenario,
    options: { ...options, thresholds },
  });
  if (!parsed.success) {
    throw new ProblemError(
      422,
      'Unprocessable Content',
      'The org model and scenario cannot be forecast.',
      formatIssues(parsed.error),
    );
  }
  return { input: parsed.data, version: version.version, name: version.scenario.name };
}

/**
 * Forecasts one version (default: latest) of a scenario. The run is stored under the SHA-256 of
 * the canonical engine input and ENGINE_VERSION (see computeRun); an unchanged scenario, org model and options
 * returns the stored run (`cached: true`) without running the engine. With `ctx.memo`, a request
 * already resolved at the org's current model revision skips loading and hashing the input.
 */
export async function forecastScenario(
  ctx: ForecastContext,
  org: ForecastOrg,
  request: ForecastRequest,
): Promise<ForecastResult> {
  const options = runOptions(request, ctx, org.timeZone);
  const memoRequest: MemoRequest = {
    orgId: org.id,
    scenarioId: request.scenarioId,
    version: request.version,
    options,
  };
  const revision = ctx.memo ? (ctx.revision ?? (await modelRevision(ctx.db, org.id))) : 0;
  const known = ctx.memo?.run(revision, memoRequest);
  if (known) return storedResult(ctx.db, known);
  const resolved = await resolveRun(ctx, org, request, options);
  const { run, name, report } = resolved;
  if (run.cached) ctx.memo?.rememberRun(revision, memoRequest, { run, name, report });
  return resolved;
}

/** What forecastScenario resolves: the run, its scenario name and report rows, the series on demand. */
export interface ForecastResult extends MemoRun {
  load(): Promise<Forecast>;
  /** The series as stored, for a run computed by this request (`cached: false`). */
  fresh?: StoredSeries;
}

/** A stored run as forecastScenario returns it: the series loads on demand. */
const storedResult = (db: Db, stored: MemoRun): ForecastResult => ({
  ...stored,
  load: () => loadSeries(db, stored.run.id),
});

/**
 * The stored run of the request's engine input, else a new run from the engine pool, stored; with
 * `ctx.inFlight`, the same input already computing in this process (or, with its claims, in
 * another process on the database) is waited for, not run again.
 */
async function resolveRun(
  ctx: ForecastContext,
  org: { id: string; name: string },
  request: ForecastRequest,
  options: ReturnType<typeof runOptions>,
): Promise<ForecastResult> {
  const { input, version, name } = await engineInput(ctx.db, org, request, options);
  const inputHash = canonicalHash(input);
  const key = storedRunKey(request.scenarioId, inputHash);
  const readStored = () => ctx.db.select(runColumns).from(forecastRuns).where(key).get();
  const stored = await readStored();
  if (stored) return storedResult(ctx.db, { run: runView(stored, true), name, report: stored.report });
  await ctx.beforeCompute?.(input, request);
  const control = { ...ctx.control, signal: ctx.signal };
  const work = (shared: RunControl) =>
    computeRun(
      { ...ctx, orgId: org.id, scenarioId: request.scenarioId },
      { input, version, inputHash },
      shared,
    );
  const storedElsewhere = async () => {
    const saved = await readStored();
    return saved && { saved, fresh: undefined };
  };
  const { value, joined } = ctx.inFlight
    ? await ctx.inFlight.run(`${request.scenarioId}\n${inputHash}`, work, control, storedElsewhere)
    : { value: await work(control), joined: false };
  const { saved, fresh } = value;
  if (joined || !fresh)
    return storedResult(ctx.db, { run: runView(saved, true), name, report: saved.report });
  return {
    run: runView(saved, false),
    name,
    report: saved.report,
    fresh,
    load: () => fromStoredSeries(JSON.parse(fresh.headJson), fresh.teamChunks),
  };
}
