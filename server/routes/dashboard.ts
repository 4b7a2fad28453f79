import { z } from '@hono/zod-openapi';
import {
  dashboardViewSchema,
  defaultBurnoutGroups,
  maxBurnoutGroups,
} from '../../shared/contract/dashboard-view';
import type { ForecastDeps } from '../deps';
import { createRouter } from '../openapi';
import { dashboardResponse } from '../services/dashboard-view';
import { answerOrDefer, deferredResponse } from './report-context';
import { reportRunQuery } from './reports';
import { sendResponseBytes } from './response-bytes';
import { notModifiedResponse, orgParams, orgRoute } from './route';

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
    202: deferredResponse,
    304: notModifiedResponse,
  },
});

/** The Dashboard's view of a stored run (large orgs: never the whole run; a run not stored yet is a background job's). */
export function dashboardRoutes(deps: ForecastDeps) {
  return createRouter().openapi(dashboard, (c) => {
    const { scenario, version, horizon, runs, groups } = c.req.valid('query');
    return answerOrDefer(c, deps, async (ctx) =>
      sendResponseBytes(
        c,
        await dashboardResponse(ctx, c.get('org'), { scenarioId: scenario, version, horizon, runs, groups }),
        'application/json',
      ),
    );
  });
}
