import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { ENGINE_VERSION, type Forecast, forecastInputSchema, formatIssues } from '../../shared/index';
import type { Db } from '../db/client';
import { forecastRuns } from '../db/schema';
import { notFound, ProblemError } from '../errors';
import { type Actor, recordAudit } from './audit';
import { canonicalHash } from './canonical-hash';
import type { ForecastPool } from './forecast-pool';
import { capacityRows, forecastSummary } from './forecast-summary';
import { loadModel } from './org-model';
import { getVersion } from './scenarios';

/** Monte Carlo runs when a request does not say (P10/P50/P90 settle well within 500). */
export const defaultRuns = 500;
/** Most runs one API request may ask for. */
export const maxRuns = 2_000;

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
  pool: ForecastPool;
  now: Date;
  actor: Actor;
}

type RunRow = typeof forecastRuns.$inferSelect;

/** A stored run as the API shows it; `series` only when asked for (the full engine Forecast). */
export const runView = (
  row: Pick<RunRow, 'id' | 'scenarioId' | 'version' | 'options' | 'createdAt' | 'summary'>,
  cached: boolean,
) => ({
  id: row.id,
  scenarioId: row.scenarioId,
  version: row.version,
  options: row.options,
  cached,
  createdAt: row.createdAt.toISOString(),
  summary: row.summary,
});

/** The engine input for a scenario version of the org, validated; 422 names the fields. */
async function engineInput(db: Db, org: { id: string; name: string }, request: ForecastRequest, now: Date) {
  const version = await getVersion(db, org.id, request.scenarioId, request.version);
  const model = await loadModel(db, org);
  const options = {
    startWeek: request.startWeek ?? now.toISOString().slice(0, 10),
    horizonWeeks: request.horizon ?? 52,
    runs: request.runs ?? defaultRuns,
    seed: request.seed ?? 1,
  };
  const parsed = forecastInputSchema.safeParse({ ...model, scenario: version.scenario, options });
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
 * the canonical engine input and ENGINE_VERSION; an unchanged scenario, org model and options
 * returns the stored run (`cached: true`) without running the engine.
 */
export async function forecastScenario(
  ctx: ForecastContext,
  org: { id: string; name: string },
  request: ForecastRequest,
) {
  const { input, version, name } = await engineInput(ctx.db, org, request, ctx.now);
  const inputHash = canonicalHash(input);
  const key = and(
    eq(forecastRuns.scenarioId, request.scenarioId),
    eq(forecastRuns.inputHash, inputHash),
    eq(forecastRuns.engineVersion, ENGINE_VERSION),
  );
  const columns = {
    id: forecastRuns.id,
    scenarioId: forecastRuns.scenarioId,
    version: forecastRuns.version,
    options: forecastRuns.options,
    createdAt: forecastRuns.createdAt,
    summary: forecastRuns.summary,
    report: forecastRuns.report,
  };
  const stored = await ctx.db.select(columns).from(forecastRuns).where(key).get();
  if (stored)
    return {
      run: runView(stored, true),
      name,
      report: stored.report,
      load: () => loadSeries(ctx.db, stored.id),
    };
  const { forecast, needed } = await ctx.pool.run(input);
  const row = {
    id: randomUUID(),
    orgId: org.id,
    scenarioId: request.scenarioId,
    version,
    inputHash,
    engineVersion: ENGINE_VERSION,
    options: { ...input.options },
    summary: forecastSummary(forecast, needed),
    report: capacityRows(forecast, needed),
    series: forecast,
    createdAt: ctx.now,
  };
  await ctx.db.transaction(async (tx) => {
    await tx.insert(forecastRuns).values(row).onConflictDoNothing();
    await recordAudit(tx, ctx.actor, {
      orgId: org.id,
      action: 'create',
      entity: 'forecast_run',
      entityId: row.id,
      after: { scenarioId: row.scenarioId, version, inputHash, options: row.options },
    });
  });
  const saved = (await ctx.db.select(columns).from(forecastRuns).where(key).get())!;
  return { run: runView(saved, saved.id !== row.id), name, report: saved.report, load: async () => forecast };
}

async function loadSeries(db: Db, id: string): Promise<Forecast> {
  const row = await db
    .select({ series: forecastRuns.series })
    .from(forecastRuns)
    .where(eq(forecastRuns.id, id))
    .get();
  return row!.series;
}

/** A stored run of the org with its forecast; 404 for another org's or an unknown run. */
export async function getRun(db: Db, orgId: string, id: string) {
  const row = await db
    .select()
    .from(forecastRuns)
    .where(and(eq(forecastRuns.id, id), eq(forecastRuns.orgId, orgId)))
    .get();
  if (!row) throw notFound('forecast run');
  return { ...runView(row, true), forecast: row.series };
}
