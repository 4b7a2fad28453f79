import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { ENGINE_VERSION, type ForecastInput } from '../../shared/index';
import type { Db } from '../db/client';
import { forecastRuns } from '../db/schema';
import { type Actor, recordAudit } from './audit';
import { modelErrorLines } from './calibration/model-error';
import type { ForecastEngine, RunControl } from './forecast-pool';
import type { StoredSeries } from './series-chunks';
import { insertTeamChunks, viewColumns } from './stored-runs';

/** Who computes a run, for whom, and when. */
export interface ComputeContext {
  db: Db;
  pool: ForecastEngine;
  now: Date;
  actor: Actor;
  orgId: string;
  scenarioId: string;
}

/** Columns a resolved run is answered from. */
export const runColumns = { ...viewColumns, report: forecastRuns.report };

/** The row of a stored run of a scenario's engine input (hashed) at this ENGINE_VERSION. */
export const storedRunKey = (scenarioId: string, inputHash: string) =>
  and(
    eq(forecastRuns.scenarioId, scenarioId),
    eq(forecastRuns.inputHash, inputHash),
    eq(forecastRuns.engineVersion, ENGINE_VERSION),
  );

/**
 * Runs the engine on `input` (with `control`) and stores the run under the scenario, version and
 * input hash, with its team chunks and an audit entry. Another process may store the same input
 * first: then nothing is written and `fresh` is absent. Resolves with the stored row and, when
 * this call stored it, the series as computed.
 */
export async function computeRun(
  ctx: ComputeContext,
  { input, version, inputHash }: { input: ForecastInput; version: number; inputHash: string },
  control: RunControl,
) {
  // The worker shaped the result: the main thread only stores the series pieces as they came.
  const { summary: engineSummary, report, ...series } = await ctx.pool.run(input, control);
  const { teams } = input.org;
  const given = input.scenario.teamParameters;
  const modelError = await modelErrorLines(ctx.db, ctx.orgId, teams, given, input.options.horizonWeeks);
  const row = {
    id: randomUUID(),
    orgId: ctx.orgId,
    scenarioId: ctx.scenarioId,
    version,
    inputHash,
    engineVersion: ENGINE_VERSION,
    options: { ...input.options },
    summary: { ...engineSummary, modelError },
    report,
    series: sql`${series.headJson}`,
    createdAt: ctx.now,
  };
  await ctx.db.transaction(async (tx) => {
    const inserted = await tx
      .insert(forecastRuns)
      .values(row)
      .onConflictDoNothing()
      .returning({ id: forecastRuns.id });
    if (inserted.length === 0) return;
    await insertTeamChunks(tx, row.id, series);
    await recordAudit(tx, ctx.actor, {
      orgId: ctx.orgId,
      action: 'create',
      entity: 'forecast_run',
      entityId: row.id,
      after: { scenarioId: row.scenarioId, version, inputHash, options: row.options },
    });
  });
  const saved = (await ctx.db
    .select(runColumns)
    .from(forecastRuns)
    .where(storedRunKey(ctx.scenarioId, inputHash))
    .get())!;
  const fresh: StoredSeries | undefined = saved.id === row.id ? series : undefined;
  return { saved, fresh };
}
