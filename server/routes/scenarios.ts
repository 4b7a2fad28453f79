import { z } from '@hono/zod-openapi';
import { scenarioSchema, scenarioSummarySchema, scenarioVersionSchema } from '../../shared/index';
import { actorOf } from '../context';
import type { AppDeps } from '../deps';
import { createRouter } from '../openapi';
import { loadModel } from '../services/org-model';
import { diffJson } from '../services/scenario-diff';
import { checkReferences } from '../services/scenario-references';
import {
  getVersion,
  listScenarios,
  listVersions,
  markPlanOfRecord,
  saveScenario,
} from '../services/scenarios';
import { jsonBody, jsonResponse, orgIdParams, orgParams, orgRoute, pageQuery, pageResponse } from './route';

const versionNumber = z.coerce
  .number({ error: 'must be a number' })
  .int({ error: 'must be a whole number' })
  .min(1);

const versionSchema = scenarioVersionSchema;
const summarySchema = scenarioSummarySchema;

const changeSchema = z.object({
  path: z.string(),
  kind: z.enum(['added', 'removed', 'changed']),
  from: z.unknown().optional(),
  to: z.unknown().optional(),
});

const tags = ['scenarios'];
const body = jsonBody(scenarioSchema);

const list = orgRoute('GET /orgs/{org}/scenarios', {
  tags,
  summary: 'Scenarios, most recently saved first',
  request: { params: orgParams, query: pageQuery },
  responses: {
    200: pageResponse('A page of scenarios', summarySchema),
  },
});
const create = orgRoute('POST /orgs/{org}/scenarios', {
  tags,
  summary: 'Create a scenario (version 1)',
  request: { params: orgParams, body },
  responses: { 201: jsonResponse('Created', versionSchema) },
});
const latest = orgRoute('GET /orgs/{org}/scenarios/{id}', {
  tags,
  summary: 'The latest version of a scenario',
  request: { params: orgIdParams },
  responses: { 200: jsonResponse('Latest version', versionSchema) },
});
const versions = orgRoute('GET /orgs/{org}/scenarios/{id}/versions', {
  tags,
  summary: 'Versions of a scenario, newest first (without bodies)',
  request: { params: orgIdParams, query: pageQuery },
  responses: {
    200: pageResponse(
      'A page of versions',
      z.object({ version: z.number().int(), createdAt: z.string(), createdBy: z.string() }),
    ),
  },
});
const readVersion = orgRoute('GET /orgs/{org}/scenarios/{id}/versions/{version}', {
  tags,
  summary: 'One version of a scenario',
  request: { params: orgIdParams.extend({ version: versionNumber }) },
  responses: { 200: jsonResponse('The version', versionSchema) },
});
const saveVersion = orgRoute('POST /orgs/{org}/scenarios/{id}/versions', {
  tags,
  summary: 'Save a new version (versions are immutable)',
  request: { params: orgIdParams, body },
  responses: { 201: jsonResponse('Saved', versionSchema) },
});
const planOfRecord = orgRoute('POST /orgs/{org}/scenarios/{id}/plan-of-record', {
  tags,
  summary: 'Make this scenario the org’s plan of record',
  request: { params: orgIdParams },
  responses: { 200: jsonResponse('Now the plan of record', summarySchema) },
});
const diff = orgRoute('GET /orgs/{org}/scenarios/{id}/diff', {
  tags,
  summary: 'Differences between two versions',
  request: { params: orgIdParams, query: z.object({ from: versionNumber, to: versionNumber }) },
  responses: {
    200: jsonResponse(
      'Changes from `from` to `to`',
      z.object({ from: z.number().int(), to: z.number().int(), changes: z.array(changeSchema) }),
    ),
  },
});

/** Scenarios and their immutable versions. */
export function scenarioRoutes(deps: AppDeps) {
  return createRouter()
    .openapi(list, async (c) => {
      const { limit, cursor } = c.req.valid('query');
      return c.json(await listScenarios(deps.db, c.get('org').id, limit, cursor), 200);
    })
    .openapi(create, async (c) => {
      const org = c.get('org');
      const scenario = c.req.valid('json');
      checkReferences(scenario, await loadModel(deps.db, org));
      return c.json(
        await saveScenario(deps.db, { orgId: org.id }, scenario, actorOf(c.get('principal')), deps.clock()),
        201,
      );
    })
    .openapi(latest, async (c) =>
      c.json(await getVersion(deps.db, c.get('org').id, c.req.valid('param').id), 200),
    )
    .openapi(versions, async (c) => {
      const { limit, cursor } = c.req.valid('query');
      return c.json(
        await listVersions(deps.db, c.get('org').id, c.req.valid('param').id, limit, cursor),
        200,
      );
    })
    .openapi(readVersion, async (c) => {
      const { id, version } = c.req.valid('param');
      return c.json(await getVersion(deps.db, c.get('org').id, id, version), 200);
    })
    .openapi(saveVersion, async (c) => {
      const org = c.get('org');
      const scenario = c.req.valid('json');
      checkReferences(scenario, await loadModel(deps.db, org));
      const target = { orgId: org.id, id: c.req.valid('param').id };
      return c.json(
        await saveScenario(deps.db, target, scenario, actorOf(c.get('principal')), deps.clock()),
        201,
      );
    })
    .openapi(planOfRecord, async (c) =>
      c.json(
        await markPlanOfRecord(
          deps.db,
          c.get('org').id,
          c.req.valid('param').id,
          actorOf(c.get('principal')),
        ),
        200,
      ),
    )
    .openapi(diff, async (c) => {
      const { id } = c.req.valid('param');
      const { from, to } = c.req.valid('query');
      const [a, b] = await Promise.all([
        getVersion(deps.db, c.get('org').id, id, from),
        getVersion(deps.db, c.get('org').id, id, to),
      ]);
      return c.json({ from, to, changes: diffJson(a.scenario, b.scenario) }, 200);
    });
}
