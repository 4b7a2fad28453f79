import { z } from '@hono/zod-openapi';
import { levelSchema, parametersSchema, teamSchema } from '../../shared/index';
import type { AppDeps } from '../deps';
import { createRouter } from '../openapi';
import { loadModel, loadSettings } from '../services/org-model';
import { jsonResponse, orgParams, orgRoute } from './route';

const orgViewSchema = z
  .object({ slug: z.string(), name: z.string(), levels: z.array(levelSchema), parameters: parametersSchema })
  .openapi('Org');

const modelSchema = z
  .object({
    org: z.object({ name: z.string(), levels: z.array(levelSchema), teams: z.array(teamSchema) }),
    parameters: parametersSchema,
  })
  .openapi('OrgModel');

const tags = ['orgs'];

const getOrg = orgRoute('GET /orgs/{org}', {
  tags,
  summary: 'The org with its level ladder and parameter set',
  request: { params: orgParams },
  responses: { 200: jsonResponse('The org', orgViewSchema) },
});
const getModel = orgRoute('GET /orgs/{org}/model', {
  tags,
  summary: 'The org as the engine takes it: `org` and `parameters` of the forecast input',
  request: { params: orgParams },
  responses: { 200: jsonResponse('Engine org model', modelSchema) },
});

/** The org itself and its engine model. */
export function orgRoutes(deps: AppDeps) {
  return createRouter()
    .openapi(getOrg, async (c) => {
      const { id, slug, name } = c.get('org');
      return c.json({ slug, name, ...(await loadSettings(deps.db, id)) }, 200);
    })
    .openapi(getModel, async (c) => c.json(await loadModel(deps.db, c.get('org')), 200));
}
