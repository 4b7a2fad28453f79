import { z } from '@hono/zod-openapi';
import { calibrationSchema } from '../../shared/contract/calibration';
import { scenarioVersionSchema } from '../../shared/index';
import { actorOf } from '../context';
import type { AppDeps } from '../deps';
import { createRouter } from '../openapi';
import { acceptCalibration } from '../services/calibration/accept';
import { calibrate, getCalibration } from '../services/calibration/calibrate';
import { jsonBody, jsonResponse, orgIdParams, orgParams, orgRoute } from './route';

const tags = ['calibration'];

const create = orgRoute('POST /orgs/{org}/calibrations', {
  tags,
  summary:
    'Calibrate a team (or the whole org) from its imported history and backtest it (26 origins, 12 weeks)',
  request: {
    params: orgParams,
    body: jsonBody(z.object({ team: z.string().min(1).max(120).optional() }).strict()),
  },
  responses: { 201: jsonResponse('The stored calibration', calibrationSchema) },
});
const read = orgRoute('GET /orgs/{org}/calibrations/{id}', {
  tags,
  summary: 'A stored calibration',
  request: { params: orgIdParams },
  responses: { 200: jsonResponse('The calibration', calibrationSchema) },
});

const accept = orgRoute('POST /orgs/{org}/calibrations/{id}/accept', {
  tags,
  summary:
    "Accept a team's calibration into a scenario: its next version sets the team's parameters to the fitted ones",
  request: {
    params: orgIdParams,
    body: jsonBody(
      z
        .object({
          scenario: z.string().min(1).max(64).openapi({ description: 'Scenario id' }),
          version: z
            .number()
            .int()
            .min(1)
            .optional()
            .openapi({ description: 'The version the planner saw; 409 when the scenario has moved on' }),
        })
        .strict(),
    ),
  },
  responses: { 201: jsonResponse('The new scenario version', scenarioVersionSchema) },
});

/** Calibrations: planners create and accept them, every member reads them. */
export function calibrationRoutes(deps: AppDeps) {
  return createRouter()
    .openapi(create, async (c) => {
      const { team } = c.req.valid('json');
      return c.json(await calibrate(deps.db, c.get('org'), team ?? null, actorOf(c.get('principal'))), 201);
    })
    .openapi(read, async (c) =>
      c.json(await getCalibration(deps.db, c.get('org').id, c.req.valid('param').id), 200),
    )
    .openapi(accept, async (c) => {
      const actor = actorOf(c.get('principal'));
      const { id } = c.req.valid('param');
      const version = await acceptCalibration(
        deps.db,
        c.get('org').id,
        id,
        c.req.valid('json'),
        actor,
        deps.clock(),
      );
      return c.json(version, 201);
    });
}
