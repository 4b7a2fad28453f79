import { eq } from 'drizzle-orm';
import type { Config } from '../config';
import type { Db } from '../db/client';
import { orgs } from '../db/schema';
import { systemActor } from '../services/audit';
import type { ForecastPool } from '../services/forecast-pool';
import { forecastScenario } from '../services/forecasts';
import type { RunsInFlight } from '../services/runs-in-flight';
import { planOfRecordId } from '../services/scenarios';
import type { ForecastSource } from './forecast-source';

/**
 * Forecasts of each org's plan of record through the forecast service (engine on the worker
 * pool, runs stored by input hash): latest version, current org model, starting at the org's week
 * holding `now`, over the rule's look-ahead, with the configured default Monte Carlo runs. With
 * `runsInFlight` (the app's), an input a request, job or warm-up is computing is waited for.
 */
export function planOfRecordForecasts(deps: {
  db: Db;
  forecastPool: ForecastPool;
  config: Pick<Config, 'forecasts'>;
  runsInFlight?: RunsInFlight | undefined;
}): ForecastSource {
  return async (orgId, { horizonWeeks, now }) => {
    const org = await deps.db
      .select({ id: orgs.id, name: orgs.name, timeZone: orgs.timeZone })
      .from(orgs)
      .where(eq(orgs.id, orgId))
      .get();
    const scenarioId = org ? await planOfRecordId(deps.db, orgId) : undefined;
    if (!org || !scenarioId)
      throw new Error('The org has no plan of record; mark a scenario as plan of record.');
    const ctx = {
      db: deps.db,
      pool: deps.forecastPool,
      defaultRuns: deps.config.forecasts.defaultRuns,
      now,
      actor: systemActor,
      inFlight: deps.runsInFlight,
    };
    const { run, load } = await forecastScenario(ctx, org, { scenarioId, horizon: horizonWeeks });
    return {
      forecast: await load(),
      source: { scenarioId, version: run.version, runId: run.id, cached: run.cached },
    };
  };
}
