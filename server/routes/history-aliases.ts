import { z } from '@hono/zod-openapi';
import { historyAliasSchema } from '../../shared/contract/history-imports';
import { actorOf } from '../context';
import type { AppDeps } from '../deps';
import { deleteAlias, listAliases, setAlias } from '../history/aliases';
import { createRouter } from '../openapi';
import { jsonBody, jsonResponse, orgIdParams, orgParams, orgRoute } from './route';

const tags = ['history'];

const list = orgRoute('GET /orgs/{org}/history/aliases', {
  tags,
  summary: 'Identity aliases (like a mailmap): identity -> roster employee_id',
  request: { params: orgParams },
  responses: { 200: jsonResponse('The aliases', z.object({ items: z.array(historyAliasSchema) })) },
});
const set = orgRoute('POST /orgs/{org}/history/aliases', {
  tags,
  summary: 'Set the alias of an identity (replaces an existing one)',
  request: { params: orgParams, body: jsonBody(historyAliasSchema) },
  responses: { 200: jsonResponse('Set', historyAliasSchema) },
});
const remove = orgRoute('DELETE /orgs/{org}/history/aliases/{id}', {
  tags,
  summary: 'Remove the alias of an identity (`id`: the identity, URL-encoded)',
  request: { params: orgIdParams.extend({ id: z.string().min(1).max(320) }) },
  responses: { 204: { description: 'Removed' } },
});

/** The alias table. */
export function historyAliasRoutes(deps: AppDeps) {
  return createRouter()
    .openapi(list, async (c) => c.json({ items: await listAliases(deps.db, c.get('org').id) }, 200))
    .openapi(set, async (c) =>
      c.json(await setAlias(deps.db, c.get('org').id, c.req.valid('json'), actorOf(c.get('principal'))), 200),
    )
    .openapi(remove, async (c) => {
      await deleteAlias(deps.db, c.get('org').id, c.req.valid('param').id, actorOf(c.get('principal')));
      return c.body(null, 204);
    });
}
