import { z } from '@hono/zod-openapi';
import { apiTokenSchema, newApiTokenSchema } from '../../shared/contract/people';
import { actorOf } from '../context';
import type { AppDeps } from '../deps';
import { createRouter } from '../openapi';
import { createApiToken, listApiTokens, revokeApiToken } from '../services/api-tokens';
import {
  jsonBody,
  jsonResponse,
  orgIdParams,
  orgParams,
  orgRoute,
  pageQuery,
  pageResponse,
  roleSchema,
} from './route';

const tags = ['tokens'];

const list = orgRoute('GET /orgs/{org}/tokens', {
  tags,
  summary: 'API tokens of the org, without secrets (admin)',
  request: { params: orgParams, query: pageQuery },
  responses: { 200: pageResponse('A page of tokens', apiTokenSchema) },
});
const create = orgRoute('POST /orgs/{org}/tokens', {
  tags,
  summary:
    'Create an API token, optionally expiring at `expiresAt` (refused from then on); `token` is shown only in this response (admin)',
  request: {
    params: orgParams,
    body: jsonBody(
      z.strictObject({
        name: z.string().min(1).max(120),
        role: roleSchema,
        expiresAt: z.iso
          .datetime({ offset: true, error: 'must be an ISO 8601 date-time, e.g. 2027-01-31T00:00:00Z' })
          .optional(),
      }),
    ),
  },
  responses: {
    201: jsonResponse('Created', newApiTokenSchema),
  },
});
const revoke = orgRoute('DELETE /orgs/{org}/tokens/{id}', {
  tags,
  summary: 'Revoke an API token (admin)',
  request: { params: orgIdParams },
  responses: { 204: { description: 'Revoked' } },
});

/** API tokens of an org (admin only). */
export function tokenRoutes(deps: AppDeps) {
  return createRouter()
    .openapi(list, async (c) => {
      const { limit, cursor } = c.req.valid('query');
      return c.json(await listApiTokens(deps.db, c.get('org').id, limit, cursor), 200);
    })
    .openapi(create, async (c) => {
      const { expiresAt, ...body } = c.req.valid('json');
      const input = {
        ...body,
        orgId: c.get('org').id,
        expiresAt: expiresAt ? new Date(expiresAt) : undefined,
      };
      return c.json(await createApiToken(deps.db, input, actorOf(c.get('principal')), deps.clock()), 201);
    })
    .openapi(revoke, async (c) => {
      const { id } = c.req.valid('param');
      await revokeApiToken(deps.db, c.get('org').id, id, actorOf(c.get('principal')), deps.clock());
      return c.body(null, 204);
    });
}
