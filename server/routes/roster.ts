import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { rosterImportSchema, rosterPreviewSchema } from '../../shared/contract/roster';
import { actorOf } from '../context';
import type { AppDeps } from '../deps';
import { ProblemError } from '../errors';
import { createRouter } from '../openapi';
import { importRoster, previewRoster } from '../services/roster-import';
import { rosterModes } from '../services/roster-plan';
import { errorResponses, jsonResponse, orgParams, orgRoute } from './route';

/** Largest roster accepted: 20 MiB, about 300,000 rows. */
export const maxRosterBytes = 20 * 1024 * 1024;

const csvDescription =
  'RFC 4180 CSV with a header row: employee_id, team, level (a level id or name of the org’s ladder), hire_date (YYYY-MM-DD, not in the future) and optional manager_id (an employee_id of the same file), email (commit addresses, several separated by `;`) and github (a login), which match imported history to people. Unknown team names create teams. 422 lists every bad row by line and column.';

const modeQuery = z.object({
  mode: z.enum(rosterModes, { error: 'must be merge or replace' }).default('replace').openapi({
    description:
      '`replace` (default): the file is the whole roster; people absent from it are removed and teams absent from it are emptied. `merge`: add and update the file’s people, remove no one.',
  }),
});

const csvBody = {
  content: {
    'text/csv': {
      schema: z.string().openapi({
        example:
          'employee_id,team,level,hire_date,manager_id\nE1,Checkout,senior,2021-03-01,\nE2,Checkout,junior,2024-09-02,E1\n',
      }),
    },
  },
  required: true,
};

const previewRoute = orgRoute('POST /orgs/{org}/roster/preview', {
  tags: ['teams'],
  summary:
    'What importing this roster would change (people added, moved, level changed, removed; teams new, changed, emptied); writes nothing',
  description: csvDescription,
  request: { params: orgParams, query: modeQuery, body: csvBody },
  responses: {
    200: jsonResponse('The changes an import would make', rosterPreviewSchema),
    413: { ...errorResponses[422], description: 'The file is larger than 20 MiB' },
    415: { ...errorResponses[422], description: 'Content-Type is not text/csv' },
  },
});

const importRoute = orgRoute('POST /orgs/{org}/roster/import', {
  tags: ['teams'],
  summary:
    'Import the roster from CSV, replacing or merging (all or nothing); the roster defines teams and headcounts',
  description: csvDescription,
  request: {
    params: orgParams,
    query: modeQuery,
    body: csvBody,
  },
  responses: {
    200: jsonResponse('Imported', rosterImportSchema),
    413: { ...errorResponses[422], description: 'The file is larger than 20 MiB' },
    415: { ...errorResponses[422], description: 'Content-Type is not text/csv' },
  },
});

/** Roster import. */
export function rosterRoutes(deps: AppDeps) {
  const router = createRouter();
  const limit = bodyLimit({
    maxSize: maxRosterBytes,
    onError: () => {
      throw new ProblemError(413, 'Content Too Large', 'The roster is larger than 20 MiB.');
    },
  });
  router.use('/orgs/:org/roster/import', limit);
  router.use('/orgs/:org/roster/preview', limit);
  const csvOf = async (c: Context) => {
    if (!/^text\/csv\b/i.test(c.req.header('content-type') ?? '')) {
      throw new ProblemError(415, 'Unsupported Media Type', 'Send the roster as Content-Type: text/csv.');
    }
    return c.req.text();
  };
  return router
    .openapi(previewRoute, async (c) => {
      const { mode } = c.req.valid('query');
      return c.json(await previewRoster(deps.db, c.get('org').id, await csvOf(c), mode, deps.clock()), 200);
    })
    .openapi(importRoute, async (c) => {
      const csv = await csvOf(c);
      const actor = actorOf(c.get('principal'));
      const { mode } = c.req.valid('query');
      return c.json(await importRoster(deps.db, c.get('org').id, csv, deps.clock(), actor, mode), 200);
    });
}
