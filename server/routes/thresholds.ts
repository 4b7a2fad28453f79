import { z } from '@hono/zod-openapi';
import { thresholdInfo, thresholdsPatchSchema, thresholdsSchema } from '../../shared/index';
import { actorOf } from '../context';
import type { AppDeps } from '../deps';
import { createRouter } from '../openapi';
import { loadThresholds, saveThresholds } from '../services/thresholds';
import { jsonBody, jsonResponse, orgParams, orgRoute } from './route';

const thresholdsView = z
  .object({
    thresholds: thresholdsSchema,
    defaults: thresholdsSchema,
    custom: z.boolean().openapi({ description: 'Whether the org stored its own (else the defaults)' }),
    updatedAt: z.string().nullable(),
    info: z.array(
      z.object({
        key: z.string(),
        label: z.string(),
        unit: z.string(),
        breachWhen: z.enum(['above', 'below', 'target']),
        source: z.string(),
      }),
    ),
  })
  .openapi('OrgThresholds');

const tags = ['thresholds'];

const read = orgRoute('GET /orgs/{org}/thresholds', {
  tags,
  summary: 'The org’s breach thresholds, the defaults and where each default comes from',
  request: { params: orgParams },
  responses: { 200: jsonResponse('The thresholds', thresholdsView) },
});
const patch = orgRoute('PATCH /orgs/{org}/thresholds', {
  tags,
  summary: 'Change some breach thresholds (admins); later forecasts use them',
  request: { params: orgParams, body: jsonBody(thresholdsPatchSchema) },
  responses: { 200: jsonResponse('Stored', thresholdsView) },
});
const reset = orgRoute('DELETE /orgs/{org}/thresholds', {
  tags,
  summary: 'Restore the default breach thresholds (admins)',
  request: { params: orgParams },
  responses: { 200: jsonResponse('The defaults', thresholdsView) },
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
