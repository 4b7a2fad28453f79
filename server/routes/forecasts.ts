import { z } from '@hono/zod-openapi';
import type { ForecastDeps } from '../app';
import { actorOf } from '../context';
import { createRouter } from '../openapi';
import { defaultRuns, forecastScenario, getRun, maxRuns } from '../services/forecasts';
import { jsonBody, jsonResponse, orgIdParams, orgParams, orgRoute } from './route';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be an ISO date (YYYY-MM-DD)' });

const optionsSchema = z.strictObject({
  horizon: z.number().int().min(1).max(260).optional().openapi({ description: 'Weeks (default 52)' }),
  runs: z
    .number()
    .int()
    .min(0)
    .max(maxRuns)
    .optional()
    .openapi({ description: `Monte Carlo runs; 0 = mean path (default ${defaultRuns})` }),
  seed: z.number().int().min(0).max(4_294_967_295).optional(),
  startWeek: isoDate.optional().openapi({ description: 'Any date of the first week (default: this week)' }),
  version: z.number().int().min(1).optional().openapi({ description: 'Scenario version (default: latest)' }),
});

const runSchema = z
  .object({
    id: z.string(),
    scenarioId: z.string(),
    version: z.number().int(),
    options: z.record(z.string(), z.unknown()),
    cached: z.boolean(),
    createdAt: z.string(),
    summary: z.record(z.string(), z.unknown()),
    forecast: z.record(z.string(), z.unknown()).openapi({
      description: 'The engine Forecast: weeks, levels, teams and org with P10/P50/P90 bands per metric',
    }),
  })
  .openapi('ForecastRun');

const tags = ['forecasts'];

const run = orgRoute('POST /orgs/{org}/scenarios/{id}/forecast', {
  tags,
  summary: 'Forecast a scenario version; an unchanged input returns the stored run (200, cached: true)',
  request: { params: orgIdParams, body: jsonBody(optionsSchema) },
  responses: {
    200: jsonResponse('Stored run', runSchema),
    201: jsonResponse('New run', runSchema),
  },
});
const read = orgRoute('GET /orgs/{org}/forecasts/{runId}', {
  tags,
  summary: 'A stored forecast run',
  request: { params: orgParams.extend({ runId: z.string().min(1).max(64) }) },
  responses: { 200: jsonResponse('The run', runSchema) },
});

/** Forecast runs. */
export function forecastRoutes(deps: ForecastDeps) {
  return createRouter()
    .openapi(run, async (c) => {
      const ctx = {
        db: deps.db,
        pool: deps.forecastPool,
        now: deps.clock(),
        actor: actorOf(c.get('principal')),
      };
      const result = await forecastScenario(ctx, c.get('org'), {
        scenarioId: c.req.valid('param').id,
        ...c.req.valid('json'),
      });
      const body = { ...result.run, forecast: await result.load() };
      return result.run.cached ? c.json(body, 200) : c.json(body, 201);
    })
    .openapi(read, async (c) =>
      c.json(await getRun(deps.db, c.get('org').id, c.req.valid('param').runId), 200),
    );
}
