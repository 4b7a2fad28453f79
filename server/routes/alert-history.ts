import { z } from '@hono/zod-openapi';
import { alertDeliverySchema, alertSchema, alertFindingSchema as findingSchema } from '../../shared/index';
import { actorOf } from '../context';
import type { AppDeps } from '../deps';
import { createRouter } from '../openapi';
import { acknowledgeAlert, listAlerts, listDeliveries, listEvaluations } from '../services/alert-history';
import { findRule } from '../services/alert-rules';
import { errorResponses, jsonResponse, orgIdParams, orgRoute } from './route';

const tags = ['alert rules'];
const limit = z.coerce.number().int().min(1).max(500).default(100);

const alertsRoute = orgRoute('GET /orgs/{org}/alert-rules/{id}/alerts', {
  tags,
  summary: 'Alert history of a rule, newest first, per team and state',
  request: {
    params: orgIdParams,
    query: z.object({
      team: z.string().max(64).optional(),
      state: z.enum(['open', 'resolved']).optional(),
      limit,
    }),
  },
  responses: { 200: jsonResponse('Alerts', z.object({ items: z.array(alertSchema) })), ...errorResponses },
});
const acknowledge = orgRoute('POST /orgs/{org}/alert-rules/{id}/alerts/{alertId}/acknowledge', {
  tags,
  summary: 'Acknowledge an alert (the first acknowledgement is kept)',
  request: { params: orgIdParams.extend({ alertId: z.string().min(1).max(64) }) },
  responses: { 200: jsonResponse('The acknowledged alert', alertSchema), ...errorResponses },
});
const evaluations = orgRoute('GET /orgs/{org}/alert-rules/{id}/evaluations', {
  tags,
  summary: 'Every evaluation of a rule, newest first',
  request: { params: orgIdParams, query: z.object({ limit }) },
  responses: {
    200: jsonResponse(
      'Evaluations',
      z.object({
        items: z.array(
          z.object({
            id: z.string(),
            trigger: z.enum(['schedule', 'catch-up', 'manual']),
            scheduledFor: z.string().nullable(),
            evaluatedAt: z.string(),
            status: z.enum(['ok', 'error']),
            error: z.string().nullable(),
            source: z.record(z.string(), z.unknown()).nullable(),
            findings: z.array(findingSchema),
            openedCount: z.number().int(),
            resolvedCount: z.number().int(),
          }),
        ),
      }),
    ),
    ...errorResponses,
  },
});
const deliveries = orgRoute('GET /orgs/{org}/alert-rules/{id}/deliveries', {
  tags,
  summary: 'Delivery log of a rule, newest first: every attempt with status code and latency',
  request: { params: orgIdParams, query: z.object({ limit }) },
  responses: {
    200: jsonResponse(
      'Deliveries',
      z.object({
        items: z.array(alertDeliverySchema),
      }),
    ),
    ...errorResponses,
  },
});

/** Alert history with acknowledge, evaluations and the delivery log of a rule. */
export function alertHistoryRoutes(deps: AppDeps) {
  const rule = (orgId: string, id: string) => findRule(deps.db, orgId, id);
  return createRouter()
    .openapi(alertsRoute, async (c) => {
      const { id } = c.req.valid('param');
      await rule(c.get('org').id, id);
      return c.json({ items: await listAlerts(deps.db, id, c.req.valid('query')) }, 200);
    })
    .openapi(acknowledge, async (c) => {
      const { id, alertId } = c.req.valid('param');
      await rule(c.get('org').id, id);
      const actor = actorOf(c.get('principal'));
      return c.json(await acknowledgeAlert(deps.db, id, alertId, actor, deps.clock()), 200);
    })
    .openapi(evaluations, async (c) => {
      const { id } = c.req.valid('param');
      await rule(c.get('org').id, id);
      return c.json({ items: await listEvaluations(deps.db, id, c.req.valid('query').limit) }, 200);
    })
    .openapi(deliveries, async (c) => {
      const { id } = c.req.valid('param');
      await rule(c.get('org').id, id);
      return c.json({ items: await listDeliveries(deps.db, id, c.req.valid('query').limit) }, 200);
    });
}
