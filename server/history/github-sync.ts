import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import { githubRepositories, historyChanges } from '../db/schema';
import type { ImportedChange } from './change';
import type { PullRequestRules } from './gh-pr-list';
import type { GithubClient } from './github-client';
import { fetchPullsPage, type PullsPage, readPulls, repoRef, revalidatePulls } from './github-fetch';
import { sourceId, teamId, upsertChanges, upsertPeople } from './store-history';

/** Pull requests a page asks for: GitHub's most for a connection. */
const pageSize = 100;

export type GithubRepositoryRow = typeof githubRepositories.$inferSelect;

/** What one repository's sync did. */
export interface RepoSyncResult {
  repo: string;
  status: 'ok' | 'unchanged';
  /** Pages stored, pull requests read (updated since the cursor), changes stored, left out. */
  pages: number;
  pulls: number;
  changes: number;
  drafts: number;
  bots: number;
  abandoned: number;
  /** Whether it continued an interrupted sync. */
  resumed: boolean;
}

/** What a repository sync needs. */
export interface RepoSyncContext {
  db: Db;
  orgId: string;
  client: GithubClient;
  rules: PullRequestRules;
  now: () => Date;
  /** Called after each stored page with the pull requests read so far (lease renewal, progress). */
  onPage?: (pulls: number) => Promise<void>;
}

/** Where an interrupted sync goes on: the page number, the cursor after the last stored page, the target. */
interface Resume {
  page: number;
  after: string | null;
  target: number | null;
}

/** One page's changes and left-out keys stored with the resume point, in one transaction. */
async function storePage(
  ctx: RepoSyncContext,
  row: GithubRepositoryRow,
  page: { changes: ImportedChange[]; leftOut: string[]; people: Map<string, string> },
  resume: Resume,
) {
  await ctx.db.transaction(async (tx) => {
    const team = row.team ? await teamId(tx, ctx.orgId, row.team) : null;
    const source = await sourceId(tx, ctx.orgId, { kind: 'github', source: row.repo }, team, ctx.now());
    await upsertChanges(tx, ctx.orgId, source, page.changes);
    if (page.leftOut.length > 0)
      await tx
        .delete(historyChanges)
        .where(and(eq(historyChanges.sourceId, source), inArray(historyChanges.key, page.leftOut)));
    await upsertPeople(tx, ctx.orgId, page.people);
    await tx
      .update(githubRepositories)
      .set({ resumePage: resume.page, resumeCursor: resume.after, resumeTarget: resume.target })
      .where(eq(githubRepositories.id, row.id));
  });
}

/**
 * Reads the pull requests through GitHub's GraphQL API, most recently updated first, 100 a query
 * with their reviews, labels, requested reviewers and ready-for-review time, down to the cursor
 * (the newest `updatedAt` of the last complete sync). Each page is stored with the cursor after it
 * in one transaction, so a sync killed mid-way resumes after the last stored page; a pull request
 * stored twice replaces itself. Pull requests updated meanwhile only move to the front of the list
 * (the cursor is a position in the order, not a count), so nothing is skipped: they are newer than
 * the target recorded when the sync began, and the next sync reads them. A first page whose newest
 * pull request is not newer than the cursor means nothing changed (`unchanged`, nothing stored).
 * While a page is read in full and stored, the next one is fetched.
 */
async function syncPages(
  ctx: RepoSyncContext,
  row: GithubRepositoryRow,
  result: RepoSyncResult,
  resume: Resume,
) {
  const ref = repoRef(row.repo);
  const floor = row.cursor;
  const read = (after: string | null) => fetchPullsPage(ctx.client, ref, { first: pageSize, after });
  // A sync stopped after storing its last page has nothing left to read.
  let reading: Promise<PullsPage | null> =
    result.resumed && resume.after === null ? Promise.resolve(null) : read(resume.after);
  try {
    for (let first = !result.resumed; ; first = false) {
      const page = await reading;
      if (!page) break;
      const updated = page.nodes.map((p) => Date.parse(p.updatedAt));
      if (first) {
        const newest = updated[0] ?? null;
        resume.target = newest ?? floor;
        if (floor !== null && newest !== null && newest <= floor) {
          result.status = 'unchanged';
          break;
        }
      }
      const fresh = page.nodes.filter((_, i) => floor === null || updated[i]! > floor);
      const next = fresh.length < page.nodes.length ? null : page.next;
      // The next page is fetched while this one is read and stored; its failure surfaces once
      // this one is stored.
      reading = next === null ? Promise.resolve(null) : read(next);
      reading.catch(() => undefined);
      const pulls = await readPulls(ctx.client, fresh, ctx.rules);
      const stored = {
        changes: [] as ImportedChange[],
        leftOut: [] as string[],
        people: new Map<string, string>(),
      };
      for (const { number, outcome, people } of pulls) {
        for (const [identity, login] of people) stored.people.set(identity, login);
        if (typeof outcome === 'object') stored.changes.push(outcome);
        else {
          stored.leftOut.push(String(number));
          result[outcome === 'draft' ? 'drafts' : outcome === 'bot' ? 'bots' : 'abandoned']++;
        }
      }
      resume.page++;
      resume.after = next;
      await storePage(ctx, row, stored, resume);
      result.pages++;
      result.pulls += fresh.length;
      result.changes += stored.changes.length;
      await ctx.onPage?.(result.pulls);
    }
  } finally {
    // No request of this sync outlives it.
    await reading.catch(() => undefined);
  }
}

/**
 * Syncs one repository's pull requests (see {@link syncPages}). A sync that is not resuming first
 * asks GitHub's REST list whether anything changed since the last complete sync's ETag: a 304 ends
 * it `unchanged` without a GraphQL query. The list's ETag is stored only once the sync it began
 * completes, so an interrupted sync resumes next time; it was taken before the first page set the
 * target, so a change it does not cover is newer than the cursor. A resumed sync keeps the last
 * ETag (the one it began with was never stored), and the next sync after it reads the first page.
 */
export async function syncRepository(
  ctx: RepoSyncContext,
  row: GithubRepositoryRow,
): Promise<RepoSyncResult> {
  const resumed = row.resumePage !== null;
  const resume: Resume = {
    page: row.resumePage ?? 1,
    after: row.resumeCursor,
    target: resumed ? row.resumeTarget : null,
  };
  const result: RepoSyncResult = {
    repo: row.repo,
    status: 'ok',
    pages: 0,
    pulls: 0,
    changes: 0,
    drafts: 0,
    bots: 0,
    abandoned: 0,
    resumed,
  };
  const listed = resumed ? null : await revalidatePulls(ctx.client, repoRef(row.repo), row.etag);
  if (listed?.notModified) result.status = 'unchanged';
  else await syncPages(ctx, row, result, resume);
  await ctx.db
    .update(githubRepositories)
    .set({
      cursor: result.status === 'unchanged' ? row.cursor : resume.target,
      etag: listed?.notModified === false ? listed.etag : row.etag,
      resumePage: null,
      resumeCursor: null,
      resumeTarget: null,
      lastSyncAt: ctx.now(),
      lastStatus: result.status,
      lastError: null,
      pullsRead: result.pulls,
    })
    .where(eq(githubRepositories.id, row.id));
  return result;
}
