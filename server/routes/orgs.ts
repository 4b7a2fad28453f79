import { z } from '@hono/zod-openapi';
import {
  isTimeZone,
  ladderSchema,
  levelSchema,
  parametersPatchSchema,
  parametersSchema,
  rangesPatchSchema,
  teamSchema,
  thresholdsSchema,
} from '../../shared/index';
import { actorOf } from '../context';
import type { AppDeps } from '../deps';
import { createRouter } from '../openapi';
import { modelRevision } from '../services/forecast-memo';
import { loadModel, loadSettings } from '../services/org-model';
import { updateOrgSettings } from '../services/org-settings';
import { loadThresholds } from '../services/thresholds';
import { conflictResponse, jsonBody, jsonResponse, orgParams, orgRoute } from './route';

const timeZoneSchema = z
  .string()
  .max(64)
  .refine(isTimeZone, { message: 'must be an IANA time zone, e.g. Europe/Rome or UTC' })
  .openapi({ description: "Weeks start at this zone's local Monday 00:00", example: 'Europe/Rome' });

const orgViewSchema = z
  .object({
    slug: z.string(),
    name: z.string(),
    timeZone: timeZoneSchema,
    levels: z.array(levelSchema),
    parameters: parametersSchema,
    modelRevision: z.number().int().openapi({
      description:
        'Raised by every change of the org model (settings, teams, scenarios): forecasts of an older revision are stale',
    }),
  })
  .openapi('Org');

const orgPatchSchema = z.strictObject({
  timeZone: timeZoneSchema.optional(),
  levels: ladderSchema.optional().meta({
    description:
      'The whole level ladder, most junior first; leaving out a level that roster rows, team headcounts or scenario events use is refused (409)',
  }),
  parameters: parametersPatchSchema.optional().meta({
    description: 'Model parameter values to set; `null` restores a parameter’s documented default',
  }),
  ranges: rangesPatchSchema.optional().meta({
    description:
      'Monte Carlo ranges to set, in each parameter’s unit: `{ low, high }` with 0 < low <= value <= high <= 10 × value (the value after this change’s `parameters`); `null` restores the documented default range. Stored as multipliers of the value, so a later value change moves the range with it',
  }),
});

const modelSchema = z
  .object({
    org: z.object({ name: z.string(), levels: z.array(levelSchema), teams: z.array(teamSchema) }),
    parameters: parametersSchema,
    thresholds: thresholdsSchema.meta({
      description: 'The org’s breach thresholds (GET /orgs/{org}/thresholds)',
    }),
  })
  .openapi('OrgModel');

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
  responses: { 200: jsonResponse('Engine org model', modelSchema) },
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
      return c.json({ ...(await loadModel(deps.db, org)), thresholds }, 200);
    });
}
