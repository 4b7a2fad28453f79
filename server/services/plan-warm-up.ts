import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { orgs, scenarios } from '../db/schema';
import type { Logger } from '../logger';
import { systemActor } from './audit';
import type { ForecastEngine } from './forecast-pool';
import { forecastScenario } from './forecasts';
import type { RunsInFlight } from './runs-in-flight';

export interface PlanWarmUpDeps {
  db: Db;
  pool: ForecastEngine;
  /** Shared with the app's requests and jobs, so a Dashboard asking meanwhile waits for this run. */
  inFlight: RunsInFlight;
  clock: () => Date;
  logger: Logger;
  /** Monte Carlo runs of a request that does not say (FORECAST_DEFAULT_RUNS), as the Dashboard's. */
  defaultRuns: number;
  /** Longest one warm-up forecast may take (FORECAST_JOB_TIMEOUT_MS: it runs in the background). */
  timeoutMs: number;
}

/**
 * Forecasts each org's plan of record as the Dashboard asks for it (latest version, the org's
 * week holding now, default horizon, runs and seed), one org after another, so that a first
 * Dashboard visit finds the run stored, or waits for this one instead of starting its own. A run
 * already stored costs a lookup. Failures are logged, never thrown. Resolves with the orgs' slugs
 * whose plan of record is stored once it is done.
 */
export async function warmPlansOfRecord(deps: PlanWarmUpDeps): Promise<string[]> {
  const plans = await deps.db
    .select({
      id: orgs.id,
      slug: orgs.slug,
      name: orgs.name,
      timeZone: orgs.timeZone,
      scenarioId: scenarios.id,
    })
    .from(orgs)
    .innerJoin(scenarios, and(eq(scenarios.orgId, orgs.id), eq(scenarios.planOfRecord, true)))
    .all();
  const stored: string[] = [];
  for (const { scenarioId, slug, ...org } of plans) {
    const ctx = {
      db: deps.db,
      pool: deps.pool,
      inFlight: deps.inFlight,
      defaultRuns: deps.defaultRuns,
      now: deps.clock(),
      actor: systemActor,
      control: { timeoutMs: deps.timeoutMs },
    };
    try {
      const { run } = await forecastScenario(ctx, org, { scenarioId });
      stored.push(slug);
      deps.logger.info({ org: slug, runId: run.id, cached: run.cached }, 'plan of record forecast warmed up');
    } catch (error) {
      deps.logger.warn({ org: slug, err: error }, 'plan of record forecast warm-up failed');
    }
  }
  return stored;
}
