import { z } from '@hono/zod-openapi';
import { headcountSchema, teamDeletionSchema, teamSchema } from '../../shared/contract/teams';
import { actorOf } from '../context';
import type { AppDeps } from '../deps';
import { createRouter } from '../openapi';
import { deleteTeam, teamDeletion } from '../services/team-deletion';
import { createTeam, getTeam, listTeams, updateTeam } from '../services/teams';
import {
  conflictResponse,
  jsonBody,
  jsonResponse,
  orgIdParams,
  orgParams,
  orgRoute,
  pageQuery,
  pageResponse,
} from './route';

const teamFields = {
  name: z.string({ error: 'must be a string' }).trim().min(1, { error: 'must not be empty' }).max(120),
  parentId: z.string().max(64).nullable().optional(),
  headcount: headcountSchema,
};

const createSchema = z.strictObject(teamFields);
const patchSchema = z
  .strictObject(teamFields)
  .partial()
  .refine((p) => Object.keys(p).length > 0, { error: 'give at least one of name, parentId, headcount' });

const tags = ['teams'];

const list = orgRoute('GET /orgs/{org}/teams', {
  tags,
  summary: 'Teams by name',
  request: { params: orgParams, query: pageQuery },
  responses: {
    200: pageResponse('A page of teams', teamSchema),
  },
});
const create = orgRoute('POST /orgs/{org}/teams', {
  tags,
  summary: 'Create a team',
  request: { params: orgParams, body: jsonBody(createSchema) },
  responses: { 201: jsonResponse('Created', teamSchema), 409: conflictResponse },
});
const read = orgRoute('GET /orgs/{org}/teams/{id}', {
  tags,
  summary: 'One team',
  request: { params: orgIdParams },
  responses: { 200: jsonResponse('The team', teamSchema) },
});
const patch = orgRoute('PATCH /orgs/{org}/teams/{id}', {
  tags,
  summary: 'Change a team’s name, parent or headcount',
  request: { params: orgIdParams, body: jsonBody(patchSchema) },
  responses: { 200: jsonResponse('Updated', teamSchema), 409: conflictResponse },
});

const deletion = orgRoute('GET /orgs/{org}/teams/{id}/deletion', {
  tags,
  summary: 'What deleting the team would do to its people, child teams, scenarios and alert rules',
  request: { params: orgIdParams },
  responses: { 200: jsonResponse('The effects of a delete', teamDeletionSchema) },
});
const remove = orgRoute('DELETE /orgs/{org}/teams/{id}', {
  tags,
  summary:
    'Delete a team in one transaction: its people are deleted or moved (moveEngineersTo), it leaves alert rules (a rule left with no team is paused), child teams lose their parent; 409 while a scenario names it',
  request: {
    params: orgIdParams,
    query: z.object({
      moveEngineersTo: z.string().min(1).max(64).optional().openapi({
        description:
          'A team of the org that takes the deleted team’s people (its headcount gains their levels)',
      }),
    }),
  },
  responses: { 204: { description: 'Deleted' }, 409: conflictResponse },
});

/** Team CRUD. */
export function teamRoutes(deps: AppDeps) {
  return createRouter()
    .openapi(list, async (c) => {
      const { limit, cursor } = c.req.valid('query');
      return c.json(await listTeams(deps.db, c.get('org').id, limit, cursor), 200);
    })
    .openapi(create, async (c) =>
      c.json(
        await createTeam(deps.db, c.get('org').id, c.req.valid('json'), actorOf(c.get('principal'))),
        201,
      ),
    )
    .openapi(read, async (c) => c.json(await getTeam(deps.db, c.get('org').id, c.req.valid('param').id), 200))
    .openapi(patch, async (c) => {
      const { id } = c.req.valid('param');
      return c.json(
        await updateTeam(deps.db, c.get('org').id, id, c.req.valid('json'), actorOf(c.get('principal'))),
        200,
      );
    })
    .openapi(deletion, async (c) =>
      c.json(await teamDeletion(deps.db, c.get('org').id, c.req.valid('param').id), 200),
    )
    .openapi(remove, async (c) => {
      const { id } = c.req.valid('param');
      const { moveEngineersTo } = c.req.valid('query');
      const actor = actorOf(c.get('principal'));
      await deleteTeam(deps.db, c.get('org').id, id, actor, deps.clock(), moveEngineersTo);
      return c.body(null, 204);
    });
}
