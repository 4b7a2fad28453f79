import { index, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt, timestamp } from './columns';
import { orgs } from './org-schema';

export const roles = ['viewer', 'planner', 'admin'] as const;
export type Role = (typeof roles)[number];

export const users = sqliteTable('users', {
  id: text('id').primaryKey(),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  /** `scrypt$N$r$p$salt$hash` (base64url parts), see server/auth/passwords.ts. */
  passwordHash: text('password_hash').notNull(),
  createdAt: createdAt(),
});

export const memberships = sqliteTable(
  'memberships',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    role: text('role', { enum: roles }).notNull(),
    createdAt: createdAt(),
    /** Set when an admin deactivates the member: the org then refuses them as if they were not a member. */
    deactivatedAt: timestamp('deactivated_at'),
  },
  (t) => [primaryKey({ columns: [t.userId, t.orgId] }), index('memberships_org').on(t.orgId)],
);

export const sessions = sqliteTable(
  'sessions',
  {
    /** SHA-256 (hex) of the session id in the cookie; the id itself is never stored. */
    idHash: text('id_hash').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at').notNull(),
    expiresAt: timestamp('expires_at').notNull(),
  },
  (t) => [index('sessions_user').on(t.userId)],
);

export const apiTokens = sqliteTable(
  'api_tokens',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    role: text('role', { enum: roles }).notNull(),
    /** The visible part of the token (`rl_<prefix>_...`), unique, used to find the row. */
    prefix: text('prefix').notNull(),
    /** SHA-256 (hex) of the whole token. */
    secretHash: text('secret_hash').notNull(),
    createdBy: text('created_by'),
    createdAt: createdAt(),
    lastUsedAt: timestamp('last_used_at'),
    revokedAt: timestamp('revoked_at'),
    /** Refused from this instant on; null = until revoked. */
    expiresAt: timestamp('expires_at'),
  },
  (t) => [uniqueIndex('api_tokens_prefix').on(t.prefix), index('api_tokens_org').on(t.orgId)],
);

/** A one-use invitation to join an org: the link carries the secret, the database keeps its hash. */
export const invitations = sqliteTable(
  'invitations',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    role: text('role', { enum: roles }).notNull(),
    /** SHA-256 (hex) of the secret in the invitation link. */
    secretHash: text('secret_hash').notNull(),
    createdBy: text('created_by'),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at').notNull(),
    acceptedAt: timestamp('accepted_at'),
    revokedAt: timestamp('revoked_at'),
  },
  (t) => [uniqueIndex('invitations_secret').on(t.secretHash), index('invitations_org').on(t.orgId)],
);
