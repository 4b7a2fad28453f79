import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  auditLog,
  githubRepositories,
  githubSettings as githubSettingsTable,
} from '../../../server/db/schema';
import { saveGithubSettings } from '../../../server/history/github-settings';
import { GithubSyncScheduler } from '../../../server/scheduler/github-sync-scheduler';
import { systemActor } from '../../../server/services/audit';
import type { SeenRequest } from '../../helpers/fake-github';
import {
  database,
  deps,
  expectedChanges,
  failPullsPagesFrom,
  github,
  isPullsPage,
  listUrl,
  orgId,
  pullsPage,
  requestsSince,
  setUp,
  storedChanges,
  sync,
  t,
  tearDown,
  token,
  tokenKey,
  variablesSince,
} from '../../helpers/github-sync-fixture';
import { manualClock, minuteMs } from '../../helpers/manual-clock';

const secondaryLimit = {
  message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
  documentation_url:
    'https://docs.github.com/graphql/overview/rate-limits-and-query-limits-for-the-graphql-api',
};

afterEach(tearDown);

describe('live GitHub sync', () => {
  describe('on a repository served three pull requests per page', () => {
    beforeEach(() => setUp(3));

    it('follows the pages by their end cursors, reads the pull requests with their reviews in the same queries, and stores the changes the rules give', async () => {
      const { results, job } = await sync();
      expect(results).toEqual([
        {
          repo: 'octo/app',
          status: 'ok',
          pages: 3,
          pulls: 7,
          changes: 4,
          drafts: 1,
          bots: 1,
          abandoned: 1,
          resumed: false,
        },
      ]);
      expect(job.status).toBe('done');
      expect(await storedChanges()).toEqual(expectedChanges);
      // First the REST list, without an ETag to name (none is stored yet). Then three queries, one
      // a page: the first from the top, each next after the cursor the last ended on (the fake's
      // cursors differ page to page). No pull request has more than three reviews, so no further
      // review page is asked for.
      const [list, ...queries] = github.requests;
      expect(list).toMatchObject({ method: 'GET', url: listUrl, ifNoneMatch: undefined });
      const asked = variablesSince(1);
      expect(asked).toEqual([
        pullsPage(null),
        pullsPage(expect.any(String) as never),
        pullsPage(expect.any(String) as never),
      ]);
      expect(new Set(asked.map((v) => v?.after)).size).toBe(3);
      expect(queries.every((r) => r.method === 'POST' && r.url === '/graphql')).toBe(true);
      expect(github.requests.every((r) => r.authorization === `token ${token}`)).toBe(true);
    });

    it('reads the reviews of a pull request beyond its first page with further queries by its id', async () => {
      github.pulls[0]!.reviews!.push(
        { login: 'lee', state: 'COMMENTED', at: '2024-01-03T09:30:00Z' },
        { login: 'mia', state: 'COMMENTED', at: '2024-01-03T09:40:00Z' },
        { login: 'lee', state: 'APPROVED', at: '2024-01-03T09:50:00Z' },
        { login: 'kim', state: 'COMMENTED', at: '2024-01-03T09:55:00Z' },
      );
      await sync();
      // Seven reviews, three a page: two more queries for pull request 1.
      const reviewPages = github.requests
        .filter((r) => r.method === 'POST' && !isPullsPage(r))
        .map((r) => r.variables);
      expect(reviewPages).toEqual([
        { id: 'PR_1', after: expect.any(String) },
        { id: 'PR_1', after: expect.any(String) },
      ]);
      const [one] = await storedChanges();
      // Signed off by sam (the senior) at his approval; lee and kim reviewed after mia.
      expect(one).toEqual([
        ...expectedChanges[0]!.slice(0, 3),
        ['github:mia', 'github:lee', 'github:kim'],
        ...expectedChanges[0]!.slice(4),
      ]);
    });

    it('asks one page and stores nothing when no pull request was updated since the last sync but its list ETag is not stored (as after the upgrade)', async () => {
      await sync();
      const [synced] = await database.db.select().from(githubRepositories);
      await database.db.update(githubRepositories).set({ etag: null });
      const from = github.requests.length;
      const { results } = await sync();
      expect(results[0]).toMatchObject({ status: 'unchanged', pulls: 0, pages: 0 });
      expect(requestsSince(from)).toMatchObject([
        { method: 'GET', url: listUrl, ifNoneMatch: undefined },
        {},
      ]);
      expect(variablesSince(from + 1)).toEqual([pullsPage(null)]);
      expect(await storedChanges()).toEqual(expectedChanges);
      // The sync completed: the list's ETag (the same list, the same ETag) is stored again.
      const [row] = await database.db.select().from(githubRepositories);
      expect(row).toMatchObject({ etag: synced!.etag, cursor: synced!.cursor, lastStatus: 'unchanged' });
    });

    it('reads only the pull requests updated since the last sync', async () => {
      await sync();
      const three = github.pulls.find((p) => p.number === 3)!;
      Object.assign(three, {
        updated: '2024-01-09T09:00:00Z',
        merged: '2024-01-09T09:00:00Z',
        reviews: [{ login: 'sam', state: 'APPROVED', at: '2024-01-09T08:00:00Z' }],
      });
      const from = github.requests.length;
      const { results } = await sync();
      // The first page holds 3, then 7 and 6, which the last sync read: nothing further is asked.
      expect(results[0]).toMatchObject({ status: 'ok', pages: 1, pulls: 1, changes: 1 });
      expect(variablesSince(from + 1)).toEqual([pullsPage(null)]);
      const changes = await storedChanges();
      expect(changes).toHaveLength(4);
      expect(changes[2]).toEqual([
        '3',
        'github:ann',
        'github:sam',
        [],
        t('2024-01-05T09:00:00Z'),
        t('2024-01-09T08:00:00Z'),
        t('2024-01-09T08:00:00Z'),
        false,
        1,
      ]);
    });

    it('waits out secondary rate limits (403 and 429 with Retry-After) and GraphQL RATE_LIMITED answers, and retries a 502', async () => {
      const reset = String(Math.floor(Date.now() / 1000) + 1);
      const nextPage = (r: SeenRequest) => isPullsPage(r) && r.variables?.after !== null;
      github.faults.push(
        {
          match: (r) => r.variables?.after === null,
          status: 502,
          body: { message: 'Server Error' },
          times: 1,
        },
        { match: nextPage, status: 403, headers: { 'retry-after': '1' }, body: secondaryLimit, times: 1 },
        { match: nextPage, status: 429, headers: { 'retry-after': '1' }, body: secondaryLimit, times: 1 },
        {
          match: nextPage,
          status: 200,
          headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset },
          body: { errors: [{ type: 'RATE_LIMITED', message: 'API rate limit exceeded for user ID 1.' }] },
          times: 1,
        },
      );
      const { results } = await sync();
      expect(results[0]).toMatchObject({ status: 'ok', pulls: 7, changes: 4 });
      expect(github.faults.map((f) => f.times)).toEqual([0, 0, 0, 0]);
      // The list, the first page twice (502, then its answer), the second four times (403, 429,
      // RATE_LIMITED, then its answer), the third once.
      const kind = (r: SeenRequest) =>
        r.method === 'GET' ? 'list' : r.variables?.after === null ? 'first' : 'next';
      expect(github.requests.map(kind)).toEqual([
        'list',
        'first',
        'first',
        'next',
        'next',
        'next',
        'next',
        'next',
      ]);
      expect(await storedChanges()).toEqual(expectedChanges);
    });

    it('asks the list under /api/v3 and queries the GraphQL endpoint (/api/graphql) of GitHub Enterprise Server for an /api/v3 base URL', async () => {
      await saveGithubSettings(
        database.db,
        orgId,
        {
          baseUrl: `${github.baseUrl}/api/v3`,
          schedule: null,
          timezone: 'UTC',
          repositories: [{ repo: 'octo/app', team: 'App' }],
        },
        { tokenKey, now: new Date(), actor: systemActor },
      );
      const { results } = await sync();
      expect(results[0]).toMatchObject({ status: 'ok', pulls: 7, changes: 4 });
      expect(github.requests.map((r) => r.url)).toEqual([
        `/api/v3${listUrl}`,
        '/api/graphql',
        '/api/graphql',
        '/api/graphql',
      ]);
    });
  });

  describe('on a repository served two pull requests per page', () => {
    beforeEach(() => setUp(2));

    it('resumes an interrupted sync after the last page it stored, asking nothing twice and storing each change once', async () => {
      // Newest update first, two a page: [7, 6], [3, 5], [2, 1], [4]; the third page fails.
      failPullsPagesFrom(3);
      const first = await sync();
      expect(first.results[0]).toMatchObject({ repo: 'octo/app', status: 'failed' });
      expect(first.job.status).toBe('failed');
      const [row] = await database.db
        .select()
        .from(githubRepositories)
        .where(eq(githubRepositories.orgId, orgId));
      expect(row).toMatchObject({ resumePage: 3, lastStatus: 'failed', cursor: null });
      // The cursor the failing page was asked after.
      expect(row!.resumeCursor).toBe(github.requests.at(-1)!.variables!.after);
      expect((await storedChanges()).map((c) => c[0])).toEqual(['3', '7']);
      github.faults.length = 0;
      const from = github.requests.length;
      const second = await sync();
      expect(second.results[0]).toMatchObject({ status: 'ok', resumed: true, pages: 2, pulls: 3 });
      // Pages 3 and 4 (and the second page of pull request 1's three reviews, two a page).
      const asked = github.requests.slice(from).filter(isPullsPage);
      expect(asked.map((r) => r.variables)).toEqual([
        pullsPage(row!.resumeCursor),
        pullsPage(expect.any(String) as never),
      ]);
      expect(await storedChanges()).toEqual(expectedChanges);
      const [after] = await database.db
        .select()
        .from(githubRepositories)
        .where(eq(githubRepositories.orgId, orgId));
      expect(after).toMatchObject({
        resumePage: null,
        resumeCursor: null,
        lastStatus: 'ok',
        cursor: Date.parse('2024-01-08T10:00:00Z'),
      });
    });
  });
});

describe('live GitHub sync under a primary rate limit of 10 points in 5 seconds', () => {
  beforeEach(() => setUp(3, { rateLimit: 10, windowS: 5 }));

  it('waits for the reset its queries report once another page would not fit, and is never refused', async () => {
    // A page asks 100 pull requests with four connections of 100 (or 1) each: (1 + 4 x 100) / 100
    // = 4 points. Three pages: 12 points, two fit in the first window.
    const started = Date.now();
    const { results } = await sync(1_000);
    expect(results[0]).toMatchObject({ status: 'ok', pulls: 7, changes: 4 });
    expect(await storedChanges()).toEqual(expectedChanges);
    expect(github.requests.filter((r) => r.method === 'POST')).toHaveLength(3);
    // The window opened with the first query (within its second) and reset 5 s later; the third
    // query waited for it.
    expect(Date.now() - started).toBeGreaterThanOrEqual(4_000);
  });
});

describe('scheduled GitHub sync', () => {
  beforeEach(() => setUp(100));

  it('syncs when the cron slot is due, not before, and moves to the next slot', async () => {
    const clock = manualClock(new Date('2024-02-01T05:00:00Z'));
    await saveGithubSettings(
      database.db,
      orgId,
      {
        baseUrl: github.baseUrl,
        schedule: '0 6 * * *',
        timezone: 'UTC',
        repositories: [{ repo: 'octo/app', team: 'App' }],
      },
      { tokenKey, now: clock.now(), actor: systemActor },
    );
    const scheduler = new GithubSyncScheduler({ ...deps(), clock: clock.now, tickMs: 60_000 });
    clock.advance(59 * minuteMs);
    await scheduler.runDue();
    expect(github.requests).toEqual([]);
    clock.advance(2 * minuteMs);
    await scheduler.runDue();
    expect(github.requests.length).toBeGreaterThan(0);
    expect(await storedChanges()).toEqual(expectedChanges);
    const [settings] = await database.db.select().from(githubSettingsTable);
    expect(settings!.nextSyncAt).toEqual(new Date('2024-02-02T06:00:00Z'));
    const audit = await database.db.select().from(auditLog).where(eq(auditLog.action, 'sync'));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor: 'system', entity: 'github', after: { trigger: 'schedule' } });
  });
});
