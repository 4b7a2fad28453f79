import { z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { actorOf } from '../context';
import type { AppDeps } from '../deps';
import { ProblemError } from '../errors';
import { createRouter } from '../openapi';
import { importRoster } from '../services/roster-import';
import { errorResponses, jsonResponse, orgParams, orgRoute } from './route';

/** Largest roster accepted: 20 MiB, about 300,000 rows. */
export const maxRosterBytes = 20 * 1024 * 1024;

const importRoute = orgRoute('POST /orgs/{org}/roster/import', {
  tags: ['teams'],
  summary: 'Replace the roster from CSV (all or nothing); the roster defines teams and headcounts',
  description:
    'RFC 4180 CSV with a header row: employee_id, team, level, hire_date (YYYY-MM-DD, not in the future) and optional manager_id (an employee_id of the same file), email (commit addresses, several separated by `;`) and github (a login), which match imported history to people. Unknown team names create teams. 422 lists every bad row by line and column.',
  request: {
    params: orgParams,
    body: {
      content: {
        'text/csv': {
          schema: z.string().openapi({
            example:
              'employee_id,team,level,hire_date,manager_id\nE1,Checkout,senior,2021-03-01,\nE2,Checkout,junior,2024-09-02,E1\n',
          }),
        },
      },
      required: true,
    },
  },
  responses: {
    200: jsonResponse(
      'Imported',
      z.object({ imported: z.number().int(), teams: z.number().int(), teamsCreated: z.number().int() }),
    ),
    413: { ...errorResponses[422], description: 'The file is larger than 20 MiB' },
    415: { ...errorResponses[422], description: 'Content-Type is not text/csv' },
  },
});

/** Roster import. */
export function rosterRoutes(deps: AppDeps) {
  const router = createRouter();
  router.use(
    '/orgs/:org/roster/import',
    bodyLimit({
      maxSize: maxRosterBytes,
      onError: () => {
        throw new ProblemError(413, 'Content Too Large', 'The roster is larger than 20 MiB.');
      },
    }),
  );
  return router.openapi(importRoute, async (c) => {
    if (!/^text\/csv\b/i.test(c.req.header('content-type') ?? '')) {
      throw new ProblemError(415, 'Unsupported Media Type', 'Send the roster as Content-Type: text/csv.');
    }
    const csv = await c.req.text();
    const result = await importRoster(
      deps.db,
      c.get('org').id,
      csv,
      deps.clock(),
      actorOf(c.get('principal')),
    );
    return c.json(result, 200);
  });
}
