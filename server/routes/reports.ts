import { z } from '@hono/zod-openapi';
import { actorOf } from '../context';
import type { ForecastDeps } from '../deps';
import { createRouter } from '../openapi';
import { capacityCsv, capacityReport } from '../services/capacity-report';
import { orgParams, orgRoute } from './route';

const rowSchema = z.object({
  team: z.string(),
  teamId: z.string(),
  headcountNow: z.record(z.string(), z.number()),
  headcountAtHorizon: z.record(z.string(), z.number()),
  signoffDemandPerWeek: z.number(),
  signoffCapacityPerWeek: z.number(),
  utilization: z.number(),
  backlogP50: z.number(),
  backlogP90: z.number(),
  firstBreachWeek: z.string(),
  firstBreachMetric: z.string(),
  burnoutRisk: z.number(),
  reviewersNeeded: z.number(),
  reviewerGap: z.number(),
});

const reportSchema = z
  .object({
    scenario: z.object({ id: z.string(), name: z.string(), version: z.number().int() }),
    horizon: z.number().int(),
    generatedAt: z.string(),
    runId: z.string(),
    rows: z.array(rowSchema),
  })
  .openapi('CapacityReport');

const capacity = orgRoute('GET /orgs/{org}/reports/capacity', {
  tags: ['reports'],
  summary: 'Capacity report, one row per team (JSON or CSV by `format` or the Accept header)',
  request: {
    params: orgParams,
    query: z.object({
      scenario: z
        .string()
        .min(1)
        .max(64)
        .optional()
        .openapi({ description: 'Scenario id (default: plan of record)' }),
      horizon: z.coerce.number().int().min(1).max(260).default(52),
      format: z.enum(['json', 'csv']).optional(),
    }),
  },
  responses: {
    200: {
      description: 'The report',
      content: {
        'application/json': { schema: reportSchema },
        'text/csv': {
          schema: z.string().openapi({ description: 'RFC 4180, header row; columns in the README' }),
        },
      },
    },
  },
});

/** The HR capacity report. */
export function reportRoutes(deps: ForecastDeps) {
  return createRouter().openapi(capacity, async (c) => {
    const { scenario, horizon, format } = c.req.valid('query');
    const ctx = {
      db: deps.db,
      pool: deps.forecastPool,
      memo: deps.forecastMemo,
      now: deps.clock(),
      actor: actorOf(c.get('principal')),
      signal: c.req.raw.signal,
    };
    const report = await capacityReport(ctx, c.get('org'), { scenarioId: scenario, horizon });
    const csv = format ? format === 'csv' : /\btext\/csv\b/i.test(c.req.header('accept') ?? '');
    if (!csv) return c.json(report, 200);
    return c.body(capacityCsv(report), 200, {
      'content-type': 'text/csv; charset=utf-8; header=present',
      'content-disposition': `attachment; filename="capacity-${c.get('org').slug}-${horizon}w.csv"`,
    });
  });
}
