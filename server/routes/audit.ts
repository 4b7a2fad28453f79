import { z } from '@hono/zod-openapi';
import { auditEntrySchema } from '../../shared/contract/audit-entry';
import type { AppDeps } from '../deps';
import { createRouter } from '../openapi';
import { allAudit, auditCsv, auditVocabulary, listAudit } from '../services/audit-log';
import { orgParams, orgRoute, pageQuery } from './route';

/** Most rows one CSV export writes (newest first); narrow the filter for older entries. */
export const auditCsvCap = 100_000;

const instant = z
  .union([z.iso.datetime({ offset: true }), z.iso.date()], {
    error: 'must be an ISO date (YYYY-MM-DD, UTC midnight) or date-time with offset',
  })
  .transform((value) => new Date(value));

const audit = orgRoute('GET /orgs/{org}/audit', {
  tags: ['audit'],
  summary:
    'The org’s audit log, newest first, paged (admins); filter by actor, action, entity and time. As CSV (`format=csv` or Accept: text/csv) every matching entry, unpaged',
  request: {
    params: orgParams,
    query: pageQuery.extend({
      actor: z.string().max(200).optional().openapi({ example: 'system' }),
      action: z.string().max(64).optional().openapi({ example: 'update' }),
      entity: z.string().max(64).optional().openapi({ example: 'org-settings' }),
      from: instant.optional().openapi({ description: 'From this instant on (inclusive)' }),
      to: instant.optional().openapi({ description: 'Before this instant (exclusive)' }),
      format: z.enum(['json', 'csv']).optional(),
    }),
  },
  responses: {
    200: {
      description: 'A page of entries, with the actions and entities the log holds',
      content: {
        'application/json': {
          schema: z.object({
            items: z.array(auditEntrySchema),
            nextCursor: z.string().nullable(),
            actions: z.array(z.string()),
            entities: z.array(z.string()),
          }),
        },
        'text/csv': {
          schema: z.string().openapi({
            description: 'RFC 4180: at, actor, actor_name, action, entity, entity_id, before, after (JSON)',
          }),
        },
      },
    },
  },
});

/** The audit log reader. */
export function auditRoutes(deps: AppDeps) {
  return createRouter().openapi(audit, async (c) => {
    const { limit, cursor, format, ...filter } = c.req.valid('query');
    const org = c.get('org');
    const csv = format ? format === 'csv' : /\btext\/csv\b/i.test(c.req.header('accept') ?? '');
    if (csv) {
      return c.body(auditCsv(await allAudit(deps.db, org.id, filter, auditCsvCap)), 200, {
        'content-type': 'text/csv; charset=utf-8; header=present',
        'content-disposition': `attachment; filename="audit-${org.slug}.csv"`,
      });
    }
    const page = await listAudit(deps.db, org.id, filter, limit, cursor);
    return c.json({ ...page, ...(await auditVocabulary(deps.db, org.id)) }, 200);
  });
}
