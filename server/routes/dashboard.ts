import { z } from '@hono/zod-openapi';
import {
  dashboardViewSchema,
  defaultBurnoutGroups,
  largeOrgTeams,
  maxBurnoutGroups,
} from '../../shared/contract/dashboard-view';
import { forecastJobSchema } from '../../shared/contract/forecast-job';
import { actorOf } from '../context';
import type { ForecastDeps } from '../deps';
import { createRouter } from '../openapi';
import { dashboardResponse } from '../services/dashboard-view';
import { deferLargeRuns, ForecastDeferred } from '../services/deferred-forecast';
import { reportContext, reportRunQuery } from './reports';
import { sendResponseBytes } from './response-bytes';
import { jsonResponse, notModifiedResponse, orgParams, orgRoute } from './route';

/** Seconds a client should wait before asking again about a forecast computing in the background. */
const jobRetryAfterSeconds = 2;

const dashboard = orgRoute('GET /orgs/{org}/reports/dashboard', {
  tags: ['reports'],
  summary:
    "What the Dashboard shows of a stored run, in a size that does not grow with the org's teams but for one answer row each: the run without its teams, the teams' tally, the burnout heat map grouped by peak rank, the team answers",
  request: {
    params: orgParams,
    query: reportRunQuery.extend({
      groups: z.coerce
        .number()
        .int()
        .min(1)
        .max(maxBurnoutGroups)
        .default(defaultBurnoutGroups)
        .openapi({ description: 'Most rows of the grouped burnout heat map' }),
    }),
  },
  responses: {
    200: {
      description: 'The Dashboard view (gzipped when accepted; ETag)',
      content: { 'application/json': { schema: dashboardViewSchema } },
    },
    202: jsonResponse(
      `The run is not stored and the org has more than ${largeOrgTeams} teams: it is being computed by a background job (the one already running for it, else a new one), too long to wait for within a request. Follow the job (Location, Retry-After) and ask again once it is done`,
      forecastJobSchema,
    ),
    304: notModifiedResponse,
  },
});

/** The Dashboard's view of a stored run (large orgs: never the whole run; a run not stored yet is a background job's). */
export function dashboardRoutes(deps: ForecastDeps) {
  return createRouter().openapi(dashboard, async (c) => {
    const { scenario, version, horizon, runs, groups } = c.req.valid('query');
    const org = c.get('org');
    const beforeCompute = deferLargeRuns(deps.forecastJobs, org, actorOf(c.get('principal')));
    try {
      const bytes = await dashboardResponse(reportContext(c, deps, { beforeCompute }), org, {
        scenarioId: scenario,
        version,
        horizon,
        runs,
        groups,
      });
      return sendResponseBytes(c, bytes, 'application/json');
    } catch (error) {
      if (!(error instanceof ForecastDeferred)) throw error;
      return c.json(error.job, 202, {
        location: `/api/v1/orgs/${org.slug}/forecast-jobs/${error.job.id}`,
        'retry-after': String(jobRetryAfterSeconds),
      });
    }
  });
}
