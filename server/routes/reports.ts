import { z } from '@hono/zod-openapi';
import { capacityReportSchema } from '../../shared/contract/capacity-report';
import type { ForecastDeps } from '../deps';
import { createRouter } from '../openapi';
import { teamCsv, weekCsv } from '../services/capacity-csv';
import {
  capacityReport,
  reportSource,
  storedWeekRows,
  teamReportResponse,
  teamReportRows,
} from '../services/capacity-report';
import { defaultRuns, maxRuns } from '../services/forecasts';
import { pullStream } from '../services/pull-stream';
import { storedSeriesHead } from '../services/stored-runs';
import { rememberedTeamCsv, rememberingTeamCsv } from '../services/team-csv-report';
import { weekEndOf } from '../services/week-memo';
import { answerOrDefer, deferredResponse } from './report-context';
import { sendResponseBytes } from './response-bytes';
import { orgParams, orgRoute } from './route';

/** The stored run a report reads: scenario (default: plan of record), version, horizon and runs. */
export const reportRunQuery = z.object({
  scenario: z
    .string()
    .min(1)
    .max(64)
    .optional()
    .openapi({ description: 'Scenario id (default: plan of record)' }),
  version: z.coerce
    .number()
    .int()
    .min(1)
    .optional()
    .openapi({ description: 'Scenario version (default: latest)' }),
  horizon: z.coerce.number().int().min(1).max(260).default(52),
  runs: z.coerce
    .number()
    .int()
    .min(0)
    .max(maxRuns)
    .optional()
    .openapi({ description: `Monte Carlo runs; 0 = mean path (default ${defaultRuns})` }),
});

const capacity = orgRoute('GET /orgs/{org}/reports/capacity', {
  tags: ['reports'],
  summary:
    'Capacity report of any scenario version, per team or per team and week (JSON or CSV by `format` or the Accept header)',
  request: {
    params: orgParams,
    query: reportRunQuery.extend({
      grain: z
        .enum(['team', 'week'])
        .default('team')
        .openapi({ description: 'One row per team, or per team and week' }),
      format: z.enum(['json', 'csv']).optional(),
      cursor: z.string().max(64).optional().openapi({
        description: 'Grain week, JSON: the page after this cursor (pages of up to 256 teams)',
      }),
    }),
  },
  responses: {
    200: {
      description: 'The report',
      content: {
        'application/json': { schema: capacityReportSchema },
        'text/csv': {
          schema: z.string().openapi({
            description:
              'RFC 4180, header row; columns in the README. Streamed: rows are sent as they are produced',
          }),
        },
      },
    },
    202: deferredResponse,
    304: { description: 'Team grain: unchanged since the ETag named in If-None-Match' },
  },
});

const csvType = 'text/csv; charset=utf-8; header=present';

/**
 * The HR capacity report. Team grain, JSON or CSV: built once per stored run and answered from
 * memory (gzip, ETag, 304; repeated by reusedResponses while nothing is written); the CSV is
 * streamed as produced the first time and remembered once sent whole. Week grain: JSON paged,
 * CSV streamed on every request. A large org's run not stored yet: 202 with its background job.
 */
export function reportRoutes(deps: ForecastDeps) {
  return createRouter().openapi(capacity, (c) => {
    const { scenario, version, horizon, grain, format, runs, cursor } = c.req.valid('query');
    const request = { scenarioId: scenario, version, horizon, runs };
    const csv = format ? format === 'csv' : /\btext\/csv\b/i.test(c.req.header('accept') ?? '');
    return answerOrDefer(c, deps, async (ctx) => {
      if (!csv && grain === 'team') {
        const bytes = await teamReportResponse(ctx, c.get('org'), request);
        // The forecast starts this week: the next week's report is another.
        const heldUntil = weekEndOf(ctx.now, c.get('org').timeZone);
        c.set('reusable', { bytes, contentType: 'application/json', heldUntil });
        return sendResponseBytes(c, bytes, 'application/json');
      }
      if (!csv) return c.json(await capacityReport(ctx, c.get('org'), { ...request, grain, cursor }), 200);
      const { head, summary, teamRows } = await reportSource(ctx, c.get('org'), request);
      c.header(
        'content-disposition',
        `attachment; filename="capacity-${c.get('org').slug}-v${head.scenario.version}-${horizon}w-${grain}.csv"`,
      );
      const remembered = grain === 'team' ? rememberedTeamCsv(ctx.memo, head) : undefined;
      if (remembered) {
        const bytes = await remembered;
        c.set('reusable', {
          bytes,
          contentType: csvType,
          heldUntil: weekEndOf(ctx.now, c.get('org').timeZone),
        });
        return sendResponseBytes(c, bytes, csvType);
      }
      const { levels } = await storedSeriesHead(deps.db, head.runId);
      const pieces =
        grain === 'team'
          ? rememberingTeamCsv(ctx.memo, head, teamCsv(head, levels, teamReportRows(summary, teamRows)))
          : weekCsv(head, levels, storedWeekRows(deps.db, head.runId));
      return c.body(pullStream(pieces), 200, { 'content-type': csvType });
    });
  });
}
