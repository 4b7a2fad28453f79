import { integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt, timestamp } from './columns';
import { orgs } from './org-schema';

/**
 * An org's live GitHub sync: the REST API base URL (GitHub Enterprise Server: `https://host/api/v3`;
 * the sync queries its GraphQL endpoint),
 * the token encrypted with AES-256-GCM (see server/history/token-cipher.ts; never returned or
 * logged), and the schedule (a cron expression in `timezone`; null = on demand only).
 */
export const githubSettings = sqliteTable('github_settings', {
  orgId: text('org_id')
    .primaryKey()
    .references(() => orgs.id, { onDelete: 'cascade' }),
  baseUrl: text('base_url').notNull(),
  tokenCiphertext: text('token_ciphertext'),
  schedule: text('schedule'),
  timezone: text('timezone').notNull().default('UTC'),
  nextSyncAt: timestamp('next_sync_at'),
  lastSyncAt: timestamp('last_sync_at'),
  updatedAt: timestamp('updated_at').notNull(),
});

export const githubSyncStatuses = ['ok', 'unchanged', 'failed'] as const;
export type GithubSyncStatus = (typeof githubSyncStatuses)[number];

/**
 * One synced repository (`owner/repo`) and its sync state. `cursor` is the newest pull request
 * `updatedAt` (ms) fully synced: the next sync reads pull requests updated after it. While a sync
 * runs, `resumePage` (the next page's number), `resumeCursor` (GitHub's GraphQL cursor after the
 * last stored page; null once the last page is stored) and `resumeTarget` (the newest `updatedAt`
 * when it began) are written with each stored page, so a sync killed mid-way resumes after it.
 * `etag` is the ETag of GitHub's REST list of the repository's pull requests (newest update first)
 * as the last complete sync began: the next sync asks it with If-None-Match, and a 304 ends it.
 */
export const githubRepositories = sqliteTable(
  'github_repositories',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    repo: text('repo').notNull(),
    /** Team the repository's changes belong to (created if missing); null = each author's roster team. */
    team: text('team'),
    cursor: integer('cursor'),
    resumePage: integer('resume_page'),
    resumeCursor: text('resume_cursor'),
    resumeTarget: integer('resume_target'),
    etag: text('etag'),
    lastSyncAt: timestamp('last_sync_at'),
    lastStatus: text('last_status', { enum: githubSyncStatuses }),
    lastError: text('last_error'),
    /** Pull requests read by the last sync. */
    pullsRead: integer('pulls_read').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('github_repositories_org_repo').on(t.orgId, t.repo)],
);
