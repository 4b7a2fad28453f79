import { orgThresholdsSchema } from '../../shared/contract/org-thresholds';
import { thresholdInfo, thresholdsPatchSchema } from '../../shared/index';
import { actorOf } from '../context';
import type { AppDeps } from '../deps';
import { createRouter } from '../openapi';
import { loadThresholds, saveThresholds } from '../services/thresholds';
import { jsonBody, jsonResponse, orgParams, orgRoute } from './route';

const tags = ['thresholds'];

const read = orgRoute('GET /orgs/{org}/thresholds', {
  tags,
  summary: 'The org’s breach thresholds, the defaults and where each default comes from',
  request: { params: orgParams },
  responses: { 200: jsonResponse('The thresholds', orgThresholdsSchema) },
});
const patch = orgRoute('PATCH /orgs/{org}/thresholds', {
  tags,
  summary: 'Change some breach thresholds (admins); later forecasts use them',
  request: { params: orgParams, body: jsonBody(thresholdsPatchSchema) },
  responses: { 200: jsonResponse('Stored', orgThresholdsSchema) },
});
const reset = orgRoute('DELETE /orgs/{org}/thresholds', {
  tags,
  summary: 'Restore the default breach thresholds (admins)',
  request: { params: orgParams },
  responses: { 200: jsonResponse('The defaults', orgThresholdsSchema) },
});

/** Breach thresholds per org. */
export function thresholdRoutes(deps: AppDeps) {
  const view = async (stored: ReturnType<typeof loadThresholds>) => ({
    ...(await stored),
    info: [...thresholdInfo],
  });
  return createRouter()
    .openapi(read, async (c) => c.json(await view(loadThresholds(deps.db, c.get('org').id)), 200))
    .openapi(patch, async (c) =>
      c.json(
        await view(
          saveThresholds(deps.db, actorOf(c.get('principal')), c.get('org').id, c.req.valid('json')),
        ),
        200,
      ),
    )
    .openapi(reset, async (c) =>
      c.json(await view(saveThresholds(deps.db, actorOf(c.get('principal')), c.get('org').id, null)), 200),
    );
}
