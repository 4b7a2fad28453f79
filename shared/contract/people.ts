import { z } from 'zod';

/** Roles of the API contract: viewer reads; planner also writes; admin also manages users and tokens. */
export const roleSchema = z.enum(['admin', 'planner', 'viewer']);

/** GET /auth/me; `user` is null when the caller is an API token. */
export const meSchema = z
  .object({
    user: z.object({ id: z.string(), email: z.string(), name: z.string() }).nullable(),
    memberships: z.array(
      z.object({
        org: z.object({ slug: z.string(), name: z.string(), timeZone: z.string() }),
        role: roleSchema,
      }),
    ),
  })
  .meta({ id: 'Me' });

/** A member of the org (GET /orgs/{org}/users); `active` false once an admin deactivated them. */
export const memberSchema = z
  .object({ id: z.string(), email: z.string(), name: z.string(), role: roleSchema, active: z.boolean() })
  .meta({ id: 'Member' });

/** A pending invitation. */
export const invitationSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    role: roleSchema,
    createdAt: z.string(),
    expiresAt: z.string(),
  })
  .meta({ id: 'Invitation' });

/** The answer that created an invitation: with the link's path, given only here. */
export const newInvitationSchema = invitationSchema
  .extend({ path: z.string() })
  .meta({ id: 'NewInvitation' });

/** What an invitation link offers (public). */
export const invitationOfferSchema = z
  .object({
    org: z.object({ slug: z.string(), name: z.string() }),
    email: z.string(),
    role: roleSchema,
    expiresAt: z.string(),
    hasAccount: z.boolean(),
  })
  .meta({ id: 'InvitationOffer' });

/** An API token as listed; `expiresAt` null = until revoked. */
export const apiTokenSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    role: roleSchema,
    prefix: z.string(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
    expiresAt: z.string().nullable(),
  })
  .meta({ id: 'ApiToken' });

/** The answer that created a token: with its secret, given only here. */
export const newApiTokenSchema = apiTokenSchema.extend({ token: z.string() }).meta({ id: 'NewApiToken' });

export type Role = z.infer<typeof roleSchema>;
export type Me = z.infer<typeof meSchema>;
export type Member = z.infer<typeof memberSchema>;
export type Invitation = z.infer<typeof invitationSchema>;
export type NewInvitation = z.infer<typeof newInvitationSchema>;
export type InvitationOffer = z.infer<typeof invitationOfferSchema>;
export type ApiToken = z.infer<typeof apiTokenSchema>;
export type NewApiToken = z.infer<typeof newApiTokenSchema>;
