import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt, timestamp } from './columns';
import { orgs, teams } from './org-schema';

/** Where imported changes come from: `git` uploads (one source per name) or a GitHub repository. */
export const historySourceKinds = ['git', 'github'] as const;
export type HistorySourceKind = (typeof historySourceKinds)[number];

/**
 * One history source of an org: a git history (named by the uploader, `git` by default) or a
 * GitHub repository (`owner/repo`). `teamId` attaches every change of the source to one team;
 * without it a change belongs to its author's roster team.
 */
export const historySources = sqliteTable(
  'history_sources',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: historySourceKinds }).notNull(),
    name: text('name').notNull(),
    teamId: text('team_id').references(() => teams.id, { onDelete: 'set null' }),
    lastImportAt: timestamp('last_import_at'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('history_sources_org_kind_name').on(t.orgId, t.kind, t.name)],
);

/**
 * One imported change: a non-merge commit (key = its hash) or a pull request (key = its number).
 * A change arriving again replaces its row, so imports are idempotent per source and key.
 * Identities are stored as keys: a lower-cased email, or `github:<login>`; matching them to the
 * roster happens when series are read, so alias and roster edits apply to past imports.
 * Changes are read through their sources (the unique index leads with source_id): no index on
 * org or dates, as every one costs each imported row a further B-tree insert.
 */
export const historyChanges = sqliteTable(
  'history_changes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    sourceId: text('source_id')
      .notNull()
      .references(() => historySources.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    author: text('author').notNull(),
    authorName: text('author_name').notNull(),
    /** Who signed the change off (the committer, or the first approving reviewer); null when the author did. */
    signer: text('signer'),
    /** Further reviewers named by review trailers or reviews, excluding author and signer. */
    reviewers: text('reviewers', { mode: 'json' }).$type<string[]>().notNull(),
    authoredAt: timestamp('authored_at').notNull(),
    firstReviewAt: timestamp('first_review_at'),
    /** When the change landed (commit date, approval or merge); null while still open. */
    signedOffAt: timestamp('signed_off_at'),
    aiAssisted: integer('ai_assisted', { mode: 'boolean' }).notNull(),
    /** Lines added plus lines deleted. */
    lines: integer('lines').notNull(),
  },
  (t) => [uniqueIndex('history_changes_source_key').on(t.sourceId, t.key)],
);

/** Names seen for an identity key, for listing unmatched people (latest name wins). */
export const historyIdentities = sqliteTable(
  'history_identities',
  {
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    identity: text('identity').notNull(),
    name: text('name').notNull(),
  },
  (t) => [uniqueIndex('history_identities_org_identity').on(t.orgId, t.identity)],
);

/**
 * Maps an identity (email or `github:<login>`, lower-cased) to a roster row's employee_id, like
 * git's mailmap: the alias wins over the roster's own email and github columns.
 */
export const historyAliases = sqliteTable(
  'history_aliases',
  {
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    identity: text('identity').notNull(),
    employeeId: text('employee_id').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('history_aliases_org_identity').on(t.orgId, t.identity)],
);

export const importJobStatuses = ['running', 'done', 'failed'] as const;
export type ImportJobStatus = (typeof importJobStatuses)[number];

/** One upload or sync: its progress while running, then its summary or its error. */
export const historyImports = sqliteTable(
  'history_imports',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    sourceId: text('source_id').references(() => historySources.id, { onDelete: 'set null' }),
    kind: text('kind', { enum: historySourceKinds }).notNull(),
    status: text('status', { enum: importJobStatuses }).notNull(),
    /** Uncompressed bytes read so far. */
    bytesRead: integer('bytes_read').notNull().default(0),
    /** Changes parsed so far. */
    changesRead: integer('changes_read').notNull().default(0),
    result: text('result', { mode: 'json' }).$type<Record<string, unknown>>(),
    error: text('error', { mode: 'json' }).$type<Record<string, unknown>>(),
    /** The process running the job, `host:pid`: a job whose process is gone is failed (see failAbandonedImports). */
    runner: text('runner'),
    /** Wall-clock time the job last showed it was alive (started, read more, began storing). */
    heartbeatAt: timestamp('heartbeat_at'),
    createdAt: createdAt(),
    finishedAt: timestamp('finished_at'),
  },
  (t) => [index('history_imports_org_created').on(t.orgId, t.createdAt)],
);
