import type { Context } from 'hono';
import { largeOrgTeams } from '../../shared/contract/dashboard-view';
import { forecastJobSchema } from '../../shared/contract/forecast-job';
import { type ApiEnv, actorOf } from '../context';
import type { ForecastDeps } from '../deps';
import { deferLargeRuns, ForecastDeferred } from '../services/deferred-forecast';
import type { ForecastContext } from '../services/forecasts';
import { jsonResponse } from './route';

/** The forecast context of a report request (the org's memo and revision; the engine only on a miss). */
export const reportContext = (
  c: Context<ApiEnv>,
  deps: ForecastDeps,
  hooks: Pick<ForecastContext, 'beforeCompute'> = {},
) => ({
  ...hooks,
  db: deps.db,
  pool: deps.forecastPool,
  memo: deps.forecastMemo,
  inFlight: deps.runsInFlight,
  revision: c.get('org').revision,
  defaultRuns: deps.config.forecasts.defaultRuns,
  now: deps.clock(),
  actor: actorOf(c.get('principal')),
  /**
   * Read only when the engine runs, which a cached report never does: the request's signal
   * builds a whole Request object.
   */
  get signal() {
    return c.req.raw.signal;
  },
});

/** Seconds a client should wait before asking again about a forecast computing in the background. */
const jobRetryAfterSeconds = 2;

/** The 202 of a route that hands a large org's run not stored yet to a background job. */
export const deferredResponse = jsonResponse(
  `The run is not stored and the org has more than ${largeOrgTeams} teams: it is being computed by a background job (the one already running for it, else a new one), too long to wait for within a request. Follow the job (Location, Retry-After) and ask again once it is done`,
  forecastJobSchema,
);

/**
 * The answer of a report route that reads a stored run, or, when the run of an org of more than
 * {@link largeOrgTeams} teams is not stored, 202 with the background job computing it (Location
 * of the job, Retry-After) instead of computing it within the request (see deferLargeRuns).
 */
export async function answerOrDefer(
  c: Context<ApiEnv>,
  deps: ForecastDeps,
  answer: (ctx: ReturnType<typeof reportContext>) => Promise<Response>,
): Promise<Response> {
  const org = c.get('org');
  const beforeCompute = deferLargeRuns(deps.forecastJobs, org, actorOf(c.get('principal')));
  try {
    return await answer(reportContext(c, deps, { beforeCompute }));
  } catch (error) {
    if (!(error instanceof ForecastDeferred)) throw error;
    return c.json(error.job, 202, {
      location: `/api/v1/orgs/${org.slug}/forecast-jobs/${error.job.id}`,
      'retry-after': String(jobRetryAfterSeconds),
    });
  }
}
