import { createRoute, z } from '@hono/zod-openapi';
import {
  invitationOfferSchema,
  invitationSchema,
  meSchema,
  newInvitationSchema,
} from '../../shared/contract/people';
import { actorOf } from '../context';
import type { AppDeps } from '../deps';
import { createRouter } from '../openapi';
import {
  acceptInvitation,
  createInvitation,
  listInvitations,
  openInvitation,
  revokeInvitation,
} from '../services/invitations';
import { loadMe } from '../services/users';
import {
  conflictResponse,
  errorResponses,
  jsonBody,
  jsonResponse,
  orgIdParams,
  orgParams,
  orgRoute,
  pageQuery,
  pageResponse,
  roleSchema,
} from './route';
import { startBrowserSession } from './session-cookies';

const createSchema = z.strictObject({
  email: z.email({ error: 'must be an email address' }),
  role: roleSchema,
  /** Default 72 h (3 days), at most 30 days. */
  expiresInHours: z.number().int().min(1).max(720).default(72),
});

const secretParams = z.object({ secret: z.string().min(1).max(128) });

const tags = ['users'];

const list = orgRoute('GET /orgs/{org}/invitations', {
  tags,
  summary: 'Pending invitations (not accepted, withdrawn or expired), newest first (admin)',
  request: { params: orgParams, query: pageQuery },
  responses: { 200: pageResponse('A page of invitations', invitationSchema) },
});
const create = orgRoute('POST /orgs/{org}/invitations', {
  tags,
  summary:
    'Invite someone by email: a one-use link (`path`, shown only in this response) that expires after `expiresInHours` (admin)',
  request: { params: orgParams, body: jsonBody(createSchema) },
  responses: {
    201: jsonResponse('Invited', newInvitationSchema),
    409: conflictResponse,
  },
});
const revoke = orgRoute('DELETE /orgs/{org}/invitations/{id}', {
  tags,
  summary: 'Withdraw a pending invitation (admin)',
  request: { params: orgIdParams },
  responses: { 204: { description: 'Withdrawn' } },
});

const show = createRoute({
  method: 'get',
  path: '/invitations/{secret}',
  tags,
  summary: 'What an invitation link offers: org, email, role, expiry, and whether the email has an account',
  request: { params: secretParams },
  responses: {
    200: jsonResponse('The invitation', invitationOfferSchema),
    404: errorResponses[404],
  },
});
const accept = createRoute({
  method: 'post',
  path: '/invitations/{secret}/accept',
  tags,
  summary:
    'Accept an invitation once: sets the password of a new account (or checks an existing account’s), joins the org and signs in',
  request: {
    params: secretParams,
    body: jsonBody(
      z.strictObject({
        name: z.string().min(1).max(120).optional(),
        password: z.string().min(12, { error: 'must be at least 12 characters' }).max(1024),
      }),
    ),
  },
  responses: {
    200: jsonResponse('Joined and signed in', meSchema),
    404: errorResponses[404],
    422: errorResponses[422],
  },
});

/** Invitations: admins create, list and withdraw them; the public link shows and accepts one. */
export function invitationRoutes(deps: AppDeps) {
  return createRouter()
    .openapi(list, async (c) => {
      const { limit, cursor } = c.req.valid('query');
      return c.json(await listInvitations(deps.db, c.get('org').id, deps.clock(), limit, cursor), 200);
    })
    .openapi(create, async (c) => {
      const actor = actorOf(c.get('principal'));
      return c.json(
        await createInvitation(deps.db, c.get('org').id, c.req.valid('json'), actor, deps.clock()),
        201,
      );
    })
    .openapi(revoke, async (c) => {
      const actor = actorOf(c.get('principal'));
      await revokeInvitation(deps.db, c.get('org').id, c.req.valid('param').id, actor, deps.clock());
      return c.body(null, 204);
    })
    .openapi(show, async (c) => {
      const { invitation, org, hasAccount } = await openInvitation(
        deps.db,
        c.req.valid('param').secret,
        deps.clock(),
      );
      const { email, role } = invitation;
      return c.json({ org, email, role, expiresAt: invitation.expiresAt.toISOString(), hasAccount }, 200);
    })
    .openapi(accept, async (c) => {
      const userId = await acceptInvitation(
        deps.db,
        c.req.valid('param').secret,
        c.req.valid('json'),
        deps.clock(),
      );
      await startBrowserSession(c, deps, userId);
      return c.json((await loadMe(deps.db, userId))!, 200);
    });
}
