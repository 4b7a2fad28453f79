import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import { githubRepositories, historyChanges } from '../db/schema';
import type { ImportedChange } from './change';
import type { PullRequestRules } from './gh-pr-list';
import { concurrentRequests, type GithubClient } from './github-client';
import { fetchPull, mapLimit, type RepoRef, repoRef } from './github-fetch';
import {
  fetchedPullChange,
  type ListedPull,
  leftOutByList,
  type PullOutcome,
  pullPeople,
} from './github-pull';
import { sourceId, teamId, upsertChanges, upsertPeople } from './store-history';

/**
 * Pull requests of one page fetched at once: each is two requests at once, so the client's
 * {@link concurrentRequests} are in flight (the next page's list request waits in its limiter).
 */
const pullsAtOnce = concurrentRequests / 2;

export type GithubRepositoryRow = typeof githubRepositories.$inferSelect;

/** What one repository's sync did. */
export interface RepoSyncResult {
  repo: string;
  status: 'ok' | 'unchanged';
  /** List pages read, pull requests read (updated since the cursor), changes stored, left out. */
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

/**
 * One listed pull request's outcome and the people it names; only one the list item does not
 * already leave out (a draft, a bot's) is fetched in full.
 */
async function readPull(ctx: RepoSyncContext, ref: RepoRef, pull: ListedPull) {
  const leftOut = leftOutByList(pull, ctx.rules);
  const fetched = leftOut ? null : await fetchPull(ctx.client, ref, pull);
  const outcome: PullOutcome = fetched ? fetchedPullChange(fetched, ctx.rules) : leftOut!;
  return { number: pull.number, outcome, people: pullPeople(pull, fetched?.reviews ?? []) };
}

/** One page's changes and left-out keys stored with the resume point, in one transaction. */
async function storePage(
  ctx: RepoSyncContext,
  row: GithubRepositoryRow,
  page: { changes: ImportedChange[]; leftOut: string[]; people: Map<string, string> },
  resume: { page: number; target: number | null },
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
      .set({ resumePage: resume.page, resumeTarget: resume.target })
      .where(eq(githubRepositories.id, row.id));
  });
}

/**
 * Syncs one repository's pull requests, newest update first (`sort=updated&direction=desc`),
 * down to the cursor (the newest `updated_at` of the last complete sync). Each list page's pull
 * requests are fetched in full and stored with the next page number in one transaction, so a sync
 * killed mid-way resumes at that page; a pull request stored twice replaces itself. Pull requests
 * updated meanwhile only move to the front of the list, so nothing is skipped: they are newer than
 * the target recorded when the sync began, and the next sync reads them. The first page is asked
 * with the last ETag: 304 means nothing changed. While a page's pull requests are fetched and
 * stored, the next page is listed and its pull requests fetched too (unless the page reached the
 * cursor or was the last), so the requests in flight do not drain at each page.
 */
export async function syncRepository(
  ctx: RepoSyncContext,
  row: GithubRepositoryRow,
): Promise<RepoSyncResult> {
  const ref = repoRef(row.repo);
  const resumed = row.resumePage !== null;
  const floor = row.cursor;
  let target = resumed ? row.resumeTarget : null;
  let page = row.resumePage ?? 1;
  let etag: string | null = null;
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
  const pages = ctx.client.paginate
    .iterator(ctx.client.rest.pulls.list, {
      ...ref,
      state: 'all',
      sort: 'updated',
      direction: 'desc',
      per_page: 100,
      page,
      headers: !resumed && row.etag ? { 'if-none-match': row.etag } : {},
    })
    [Symbol.asyncIterator]();
  let first = !resumed;
  /** The next list page (null past the last one), its pull requests being fetched in full. */
  const readPage = async () => {
    const next = await pages.next();
    if (next.done) return null;
    const response = next.value;
    if (first) {
      first = false;
      etag = response.headers.etag ?? null;
      const newest = response.data[0]?.updated_at;
      target = newest ? Date.parse(newest) : floor;
    }
    const fresh = response.data.filter((p) => floor === null || Date.parse(p.updated_at) > floor);
    const fetched = mapLimit(fresh, pullsAtOnce, (pull) => readPull(ctx, ref, pull));
    fetched.catch(() => undefined);
    const last = fresh.length < response.data.length || !response.headers.link?.includes('rel="next"');
    return { fetched, last };
  };
  let reading = readPage();
  try {
    for (;;) {
      const listed = await reading;
      if (!listed) break;
      // The next page is read while this one's pull requests are fetched and stored; a failure
      // of the next page surfaces once this one is stored.
      reading = listed.last ? Promise.resolve(null) : readPage();
      reading.catch(() => undefined);
      const fetched = await listed.fetched;
      const stored = {
        changes: [] as ImportedChange[],
        leftOut: [] as string[],
        people: new Map<string, string>(),
      };
      for (const { number, outcome, people } of fetched) {
        for (const [identity, login] of people) stored.people.set(identity, login);
        if (typeof outcome === 'object') stored.changes.push(outcome);
        else {
          stored.leftOut.push(String(number));
          result[outcome === 'draft' ? 'drafts' : outcome === 'bot' ? 'bots' : 'abandoned']++;
        }
      }
      page++;
      await storePage(ctx, row, stored, { page, target });
      result.pages++;
      result.pulls += fetched.length;
      result.changes += stored.changes.length;
      await ctx.onPage?.(result.pulls);
    }
  } catch (error) {
    // No request of this sync outlives it.
    await reading.then((listed) => listed?.fetched).catch(() => undefined);
    if ((error as { status?: unknown }).status !== 304) throw error;
    result.status = 'unchanged';
  }
  await ctx.db
    .update(githubRepositories)
    .set({
      cursor: result.status === 'unchanged' ? floor : target,
      etag: result.status === 'unchanged' ? row.etag : etag,
      resumePage: null,
      resumeTarget: null,
      lastSyncAt: ctx.now(),
      lastStatus: result.status,
      lastError: null,
      pullsRead: result.pulls,
    })
    .where(eq(githubRepositories.id, row.id));
  return result;
}
