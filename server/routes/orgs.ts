import { orgModelSchema, orgPatchSchema, orgViewSchema } from '../../shared/index';
import { actorOf } from '../context';
import type { AppDeps } from '../deps';
import { createRouter } from '../openapi';
import { modelRevision } from '../services/forecast-memo';
import { loadModel, loadSettings } from '../services/org-model';
import { updateOrgSettings } from '../services/org-settings';
import { responseBytes } from '../services/response-bytes';
import { loadThresholds } from '../services/thresholds';
import { sendResponseBytes } from './response-bytes';
import { conflictResponse, jsonBody, jsonResponse, notModifiedResponse, orgParams, orgRoute } from './route';

const tags = ['orgs'];

const getOrg = orgRoute('GET /orgs/{org}', {
  tags,
  summary: 'The org with its time zone, level ladder and parameter set',
  request: { params: orgParams },
  responses: { 200: jsonResponse('The org', orgViewSchema) },
});
const patchOrg = orgRoute('PATCH /orgs/{org}', {
  tags,
  summary:
    "Change the org's settings (admins), all or nothing: `timeZone` (weeks start at its local Monday 00:00; default UTC), the level ladder, parameter values and ranges; a change of the ladder, a value or a range raises the model revision and writes one audit row, a request that changes nothing does neither",
  request: { params: orgParams, body: jsonBody(orgPatchSchema) },
  responses: { 200: jsonResponse('The org after the change', orgViewSchema), 409: conflictResponse },
});
const getModel = orgRoute('GET /orgs/{org}/model', {
  tags,
  summary: 'The org as the engine takes it: `org` and `parameters` of the forecast input',
  request: { params: orgParams },
  responses: {
    200: jsonResponse('Engine org model (gzipped when accepted; ETag)', orgModelSchema),
    304: notModifiedResponse,
  },
});

/** The org itself, its settings and its engine model. */
export function orgRoutes(deps: AppDeps) {
  const view = async (org: { id: string; slug: string; name: string; timeZone: string }) => ({
    slug: org.slug,
    name: org.name,
    timeZone: org.timeZone,
    ...(await loadSettings(deps.db, org.id)),
    modelRevision: await modelRevision(deps.db, org.id),
  });
  return createRouter()
    .openapi(getOrg, async (c) => c.json(await view(c.get('org')), 200))
    .openapi(patchOrg, async (c) => {
      const org = c.get('org');
      const change = c.req.valid('json');
      await updateOrgSettings(deps.db, actorOf(c.get('principal')), org, change);
      return c.json(await view({ ...org, timeZone: change.timeZone ?? org.timeZone }), 200);
    })
    .openapi(getModel, async (c) => {
      const org = c.get('org');
      const { thresholds } = await loadThresholds(deps.db, org.id);
      // 1.2 MB of JSON for 10,000 teams: sent gzipped with an ETag, and remembered per token
      // until the next write (reused-responses), as the org's whole roster is in it.
      const bytes = await responseBytes(JSON.stringify({ ...(await loadModel(deps.db, org)), thresholds }));
      c.set('reusable', { bytes, contentType: 'application/json', heldUntil: Number.POSITIVE_INFINITY });
      return sendResponseBytes(c, bytes, 'application/json');
    });
}
