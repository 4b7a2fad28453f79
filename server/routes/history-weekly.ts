import { z } from '@hono/zod-openapi';
import { toCsv } from '../../shared/csv/csv-write';
import { historyWeekSchema } from '../../shared/index';
import type { AppDeps } from '../deps';
import { concentration } from '../history/concentration';
import type { WeeklyRow } from '../history/weekly';
import { weeklySeries } from '../history/weekly-series';
import { createRouter } from '../openapi';
import { orgParams, orgRoute } from './route';

/** The CSV columns, in order. */
export const weeklyCsvColumns = [
  'week',
  'team',
  'level',
  'authored',
  'ai_assisted',
  'signed_off',
  'open',
  'median_hours_to_first_review',
  'p90_hours_to_first_review',
  'median_hours_to_signoff',
  'p90_hours_to_signoff',
  'lines',
] as const;

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be a date (YYYY-MM-DD)' })
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), { error: 'must be a real date' });

const weekly = orgRoute('GET /orgs/{org}/history/weekly', {
  tags: ['history'],
  summary: 'Weekly review series, one row per team, level and ISO week (JSON or CSV)',
  description:
    'Weeks start at Monday 00:00 in the org’s time zone and are named by that Monday. Rows for the weeks holding `from` to `to` (default: the whole history), zero-filled between a team and level’s first and last activity. Definitions in the README. CSV columns: week, team, level, authored, ai_assisted, signed_off, open, median_hours_to_first_review, p90_hours_to_first_review, median_hours_to_signoff, p90_hours_to_signoff, lines.',
  request: {
    params: orgParams,
    query: z.object({
      team: z.string().min(1).max(120).optional().openapi({ description: 'Team name' }),
      from: isoDate.optional(),
      to: isoDate.optional(),
      format: z.enum(['json', 'csv']).optional(),
      totals: z
        .enum(['true', 'false'])
        .optional()
        .openapi({ description: 'true: one row per team and week over all levels (level `all`)' }),
    }),
  },
  responses: {
    200: {
      description: 'The weekly rows',
      content: {
        'application/json': { schema: z.object({ items: z.array(historyWeekSchema) }) },
        'text/csv': { schema: z.string() },
      },
    },
  },
});

const csvRow = (r: WeeklyRow) =>
  [
    r.week,
    r.team,
    r.level,
    r.authored,
    r.aiAssisted,
    r.signedOff,
    r.open,
    r.medianHoursToFirstReview ?? '',
    r.p90HoursToFirstReview ?? '',
    r.medianHoursToSignoff ?? '',
    r.p90HoursToSignoff ?? '',
    r.lines,
  ] as const;

/** The weekly series, for everyone who may read the org. */
export function historyWeeklyRoutes(deps: AppDeps) {
  return createRouter().openapi(weekly, async (c) => {
    const { format, totals, ...query } = c.req.valid('query');
    const org = c.get('org');
    const rows = await weeklySeries(deps.db, org.id, {
      ...query,
      totals: totals === 'true',
      timeZone: org.timeZone,
    });
    const csv = format ? format === 'csv' : /\btext\/csv\b/i.test(c.req.header('accept') ?? '');
    if (csv) {
      return c.body(toCsv(weeklyCsvColumns, rows.map(csvRow)), 200, {
        'content-type': 'text/csv; charset=utf-8; header=present',
        'content-disposition': `attachment; filename="history-weekly-${c.get('org').slug}.csv"`,
      });
    }
    const items = rows.map(({ signoffsByReviewer, ...row }) => ({
      ...row,
      ...concentration(signoffsByReviewer),
    }));
    return c.json({ items }, 200);
  });
}
