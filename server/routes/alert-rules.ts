import { z } from '@hono/zod-openapi';
import { alertRuleInputSchema, alertRulePatchSchema } from '../../shared/contract/alerts';
import { alertDryRunSchema, alertEvaluationSchema, alertRuleSchema as ruleSchema } from '../../shared/index';
import { actorOf } from '../context';
import type { ForecastDeps } from '../deps';
import { createRouter } from '../openapi';
import { dryRunRule } from '../scheduler/dry-run-rule';
import { evaluateRule } from '../scheduler/evaluate-rule';
import { planOfRecordForecasts } from '../scheduler/plan-of-record-source';
import { alertView, evaluationView } from '../services/alert-history';
import { createRule, deleteRule, findRule, listRules, readRule, updateRule } from '../services/alert-rules';
import { errorResponses, jsonBody, jsonResponse, orgIdParams, orgParams, orgRoute } from './route';

const tags = ['alert rules'];

const list = orgRoute('GET /orgs/{org}/alert-rules', {
  tags,
  summary: 'Alert rules of the org, by name',
  request: { params: orgParams },
  responses: { 200: jsonResponse('The rules', z.object({ items: z.array(ruleSchema) })), ...errorResponses },
});
const create = orgRoute('POST /orgs/{org}/alert-rules', {
  tags,
  summary: 'Create an alert rule (the webhook secret is never shown again, only its last four characters)',
  request: { params: orgParams, body: jsonBody(alertRuleInputSchema) },
  responses: { 201: jsonResponse('Created', ruleSchema), ...errorResponses },
});
const read = orgRoute('GET /orgs/{org}/alert-rules/{id}', {
  tags,
  summary: 'One alert rule',
  request: { params: orgIdParams },
  responses: { 200: jsonResponse('The rule', ruleSchema), ...errorResponses },
});
const patch = orgRoute('PATCH /orgs/{org}/alert-rules/{id}', {
  tags,
  summary:
    'Change, pause or resume an alert rule; a new schedule or time zone, or a resume, takes effect from the next slot after now',
  request: { params: orgIdParams, body: jsonBody(alertRulePatchSchema) },
  responses: { 200: jsonResponse('Updated', ruleSchema), ...errorResponses },
});
const remove = orgRoute('DELETE /orgs/{org}/alert-rules/{id}', {
  tags,
  summary: 'Delete an alert rule with its history and delivery log',
  request: { params: orgIdParams },
  responses: { 204: { description: 'Deleted' }, ...errorResponses },
});
const evaluate = orgRoute('POST /orgs/{org}/alert-rules/{id}/evaluate', {
  tags,
  summary:
    'Evaluate the rule now against a fresh forecast of the plan of record (opens, resolves and delivers as a scheduled run would)',
  request: { params: orgIdParams },
  responses: {
    200: jsonResponse(
      'What the evaluation found; status "error" when no forecast could be made',
      alertEvaluationSchema,
    ),
    ...errorResponses,
  },
});
const dryRun = orgRoute('POST /orgs/{org}/alert-rules/{id}/dry-run', {
  tags,
  summary:
    'Dry run: evaluate the rule now against a fresh forecast of the plan of record and say which alerts would open or resolve; opens, stores and sends nothing',
  request: { params: orgIdParams },
  responses: { 200: jsonResponse('What an evaluation would do now', alertDryRunSchema), ...errorResponses },
});

/** Alert rule CRUD, "evaluate now" and its dry run. */
export function alertRuleRoutes(deps: ForecastDeps) {
  const forecastSource = planOfRecordForecasts(deps);
  return createRouter()
    .openapi(list, async (c) => c.json({ items: await listRules(deps.db, c.get('org').id) }, 200))
    .openapi(create, async (c) => {
      const actor = actorOf(c.get('principal'));
      return c.json(
        await createRule(deps.db, c.get('org').id, c.req.valid('json'), actor, deps.clock()),
        201,
      );
    })
    .openapi(read, async (c) =>
      c.json(await readRule(deps.db, c.get('org').id, c.req.valid('param').id), 200),
    )
    .openapi(patch, async (c) => {
      const { id } = c.req.valid('param');
      const actor = actorOf(c.get('principal'));
      return c.json(
        await updateRule(deps.db, c.get('org').id, id, c.req.valid('json'), actor, deps.clock()),
        200,
      );
    })
    .openapi(remove, async (c) => {
      await deleteRule(deps.db, c.get('org').id, c.req.valid('param').id, actorOf(c.get('principal')));
      return c.body(null, 204);
    })
    .openapi(evaluate, async (c) => {
      const rule = await findRule(deps.db, c.get('org').id, c.req.valid('param').id);
      const run = { trigger: 'manual' as const, scheduledFor: null, now: deps.clock() };
      const evaluation = await evaluateRule({ db: deps.db, forecastSource }, rule, run);
      if (evaluation.opened.length || evaluation.resolved.length) deps.alertScheduler?.wake();
      return c.json({ ...evaluationView(evaluation), trigger: 'manual' as const }, 200);
    })
    .openapi(dryRun, async (c) => {
      const rule = await findRule(deps.db, c.get('org').id, c.req.valid('param').id);
      const result = await dryRunRule({ db: deps.db, forecastSource }, rule, deps.clock());
      return c.json(
        {
          dryRun: true as const,
          evaluatedAt: result.evaluatedAt.toISOString(),
          source: result.source,
          findings: result.findings,
          wouldOpen: result.wouldOpen.map(alertView),
          wouldResolve: result.wouldResolve.map(alertView),
        },
        200,
      );
    });
}
