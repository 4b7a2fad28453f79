import { z } from '@hono/zod-openapi';
import { memberSchema } from '../../shared/contract/people';
import { actorOf } from '../context';
import type { AppDeps } from '../deps';
import { createRouter } from '../openapi';
import { addMember, listMembers, removeMember, updateMember } from '../services/users';
import {
  conflictResponse,
  jsonBody,
  jsonResponse,
  orgIdParams,
  orgParams,
  orgRoute,
  pageQuery,
  pageResponse,
  roleSchema,
} from './route';

const createMemberSchema = z.strictObject({
  email: z.email({ error: 'must be an email address' }),
  name: z.string().min(1).max(120),
  password: z.string().min(12, { error: 'must be at least 12 characters' }).max(1024).optional(),
  role: roleSchema,
});

const patchMemberSchema = z
  .strictObject({
    name: z.string().min(1).max(120).optional(),
    role: roleSchema.optional(),
    active: z.boolean({ error: 'must be true or false' }).optional(),
  })
  .refine((p) => p.name !== undefined || p.role !== undefined || p.active !== undefined, {
    error: 'give name, role or active',
  });

const tags = ['users'];

const list = orgRoute('GET /orgs/{org}/users', {
  tags,
  summary: 'Members of the org (admin)',
  request: { params: orgParams, query: pageQuery },
  responses: {
    200: pageResponse('A page of members', memberSchema),
  },
});
const create = orgRoute('POST /orgs/{org}/users', {
  tags,
  summary: 'Add a user to the org, creating the account when the email is new (admin)',
  request: { params: orgParams, body: jsonBody(createMemberSchema) },
  responses: { 201: jsonResponse('Added', memberSchema), 409: conflictResponse },
});
const patch = orgRoute('PATCH /orgs/{org}/users/{id}', {
  tags,
  summary:
    'Change a member’s role or name, or deactivate (`active: false`) or reactivate them (admin); the last active admin cannot be demoted or deactivated',
  request: { params: orgIdParams, body: jsonBody(patchMemberSchema) },
  responses: { 200: jsonResponse('Updated', memberSchema), 409: conflictResponse },
});
const remove = orgRoute('DELETE /orgs/{org}/users/{id}', {
  tags,
  summary: 'Remove a member from the org (admin); the last admin cannot be removed',
  request: { params: orgIdParams },
  responses: { 204: { description: 'Removed' }, 409: conflictResponse },
});

/** Users of an org (admin only). */
export function userRoutes(deps: AppDeps) {
  return createRouter()
    .openapi(list, async (c) => {
      const { limit, cursor } = c.req.valid('query');
      return c.json(await listMembers(deps.db, c.get('org').id, limit, cursor), 200);
    })
    .openapi(create, async (c) => {
      const member = await addMember(
        deps.db,
        c.get('org').id,
        c.req.valid('json'),
        actorOf(c.get('principal')),
      );
      return c.json(member, 201);
    })
    .openapi(patch, async (c) => {
      const { id } = c.req.valid('param');
      const member = await updateMember(
        deps.db,
        c.get('org').id,
        id,
        c.req.valid('json'),
        actorOf(c.get('principal')),
        deps.clock(),
      );
      return c.json(member, 200);
    })
    .openapi(remove, async (c) => {
      await removeMember(deps.db, c.get('org').id, c.req.valid('param').id, actorOf(c.get('principal')));
      return c.body(null, 204);
    });
}
