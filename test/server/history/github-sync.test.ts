import { randomBytes, randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  auditLog,
  engineers,
  githubRepositories,
  githubSettings as githubSettingsTable,
  historyChanges,
  teams,
} from '../../../server/db/schema';
import { saveGithubSettings } from '../../../server/history/github-settings';
import { startGithubSync } from '../../../server/history/github-sync-run';
import { getImportJob } from '../../../server/history/import-jobs';
import { GithubSyncScheduler } from '../../../server/scheduler/github-sync-scheduler';
import { systemActor } from '../../../server/services/audit';
import { createOrgFixture } from '../../helpers/api-fixture';
import { captureLog } from '../../helpers/captured-log';
import {
  type FakeGithub,
  type FakeGithubOptions,
  type FakePull,
  startFakeGithub,
} from '../../helpers/fake-github';
import { manualClock, minuteMs } from '../../helpers/manual-clock';
import { createTempDb, type TempDatabase } from '../../helpers/temp-db';

const token = 'ghp_fixtureToken0123456789abcdefghijklmn';
const tokenKey = randomBytes(32);

/** Seven pull requests of octo/app; sam is a senior (may sign off), mia and ann are not on the roster. */
const pulls = (): FakePull[] => [
  {
    number: 1,
    login: 'ann',
    created: '2024-01-01T09:00:00Z',
    updated: '2024-01-03T10:00:00Z',
    merged: '2024-01-03T10:00:00Z',
    additions: 10,
    deletions: 2,
    requested: ['sam'],
    reviews: [
      { login: 'mia', state: 'COMMENTED', at: '2024-01-01T12:00:00Z' },
      { login: 'mia', state: 'APPROVED', at: '2024-01-02T09:00:00Z' },
      { login: 'sam', state: 'APPROVED', at: '2024-01-03T09:00:00Z' },
    ],
  },
  {
    number: 2,
    login: 'mia',
    created: '2024-01-02T09:00:00Z',
    ready: ['2024-01-02T11:00:00Z'],
    updated: '2024-01-04T09:00:00Z',
    merged: '2024-01-04T09:00:00Z',
    labels: ['ai-assisted'],
    additions: 5,
    reviews: [{ login: 'ann', state: 'APPROVED', at: '2024-01-02T12:00:00Z' }],
  },
  { number: 3, login: 'ann', created: '2024-01-05T09:00:00Z', updated: '2024-01-05T09:00:00Z', additions: 1 },
  {
    number: 4,
    login: 'dependabot[bot]',
    type: 'Bot',
    created: '2024-01-02T09:00:00Z',
    updated: '2024-01-02T10:00:00Z',
    merged: '2024-01-02T10:00:00Z',
  },
  {
    number: 5,
    login: 'ann',
    created: '2024-01-03T09:00:00Z',
    updated: '2024-01-04T09:00:00Z',
    closed: '2024-01-04T09:00:00Z',
  },
  { number: 6, login: 'sam', draft: true, created: '2024-01-06T09:00:00Z', updated: '2024-01-06T10:00:00Z' },
  {
    number: 7,
    login: 'sam',
    created: '2024-01-08T09:00:00Z',
    updated: '2024-01-08T10:00:00Z',
    merged: '2024-01-08T10:00:00Z',
    body: 'Faster.\n\nCo-authored-by: Claude <noreply@anthropic.com>',
  },
];

const t = (iso: string | null) => (iso === null ? null : new Date(iso));

/** The changes these pull requests make, worked out by hand from the rules in the issue. */
const expectedChanges = [
  [
    '1',
    'github:ann',
    'github:sam',
    ['github:mia'],
    t('2024-01-01T09:00:00Z'),
    t('2024-01-01T12:00:00Z'),
    t('2024-01-03T09:00:00Z'),
    false,
    12,
  ],
  [
    '2',
    'github:mia',
    'github:ann',
    [],
    t('2024-01-02T11:00:00Z'),
    t('2024-01-02T12:00:00Z'),
    t('2024-01-04T09:00:00Z'),
    true,
    5,
  ],
  ['3', 'github:ann', null, [], t('2024-01-05T09:00:00Z'), null, null, false, 1],
  ['7', 'github:sam', null, [], t('2024-01-08T09:00:00Z'), null, t('2024-01-08T10:00:00Z'), true, 0],
];

let database: TempDatabase;
let github: FakeGithub;
let orgId: string;

async function setUp(maxPerPage: number, limits: Pick<FakeGithubOptions, 'rateLimit' | 'windowS'> = {}) {
  database = await createTempDb();
  orgId = (await createOrgFixture(database.db, 'sync')).id;
  const team = randomUUID();
  await database.db.insert(teams).values({ id: team, orgId, name: 'App', headcount: {} });
  await database.db.insert(engineers).values({
    id: randomUUID(),
    orgId,
    teamId: team,
    externalId: 'E1',
    level: 'senior',
    hireDate: '2020-01-06',
    github: 'sam',
  });
  github = await startFakeGithub({ token, maxPerPage, ...limits });
  github.pulls.push(...pulls());
  await saveGithubSettings(
    database.db,
    orgId,
    {
      baseUrl: github.baseUrl,
      token,
      schedule: null,
      timezone: 'UTC',
      repositories: [{ repo: 'octo/app', team: 'App' }],
    },
    { tokenKey, now: new Date(), actor: systemActor },
  );
}

/** Retry waits in test units (5 ms a second) unless `retryUnitMs` says otherwise. */
const deps = (retryUnitMs = 5) => ({
  db: database.db,
  clock: () => new Date(),
  logger: captureLog().logger,
  tokenKey,
  userAgent: 'reviewload-test',
  retryUnitMs,
});

async function sync(retryUnitMs?: number) {
  const started = await startGithubSync(deps(retryUnitMs), orgId, systemActor, 'manual');
  const results = await started.done;
  return { results, job: await getImportJob(database.db, orgId, started.job) };
}

async function storedChanges() {
  const rows = await database.db.select().from(historyChanges).orderBy(asc(historyChanges.id));
  return rows
    .map((r) => [
      r.key,
      r.author,
      r.signer,
      r.reviewers,
      r.authoredAt,
      r.firstReviewAt,
      r.signedOffAt,
      r.aiAssisted,
      r.lines,
    ])
    .sort((a, b) => Number(a[0]) - Number(b[0]));
}

/** Requests made since `from`, as `path?query` without the API root. */
const requestsSince = (from: number) => github.requests.slice(from).map((r) => r.url);

afterEach(async () => {
  await github.close();
  database.cleanup();
});

describe('live GitHub sync', () => {
  describe('on a repository served three pull requests per page', () => {
    beforeEach(() => setUp(3));

    it('follows the Link pages, reads each pull request and its timeline (drafts and bots only listed), and stores the changes the rules give', async () => {
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
      const lists = github.requests.filter((r) => r.url.startsWith('/repos/octo/app/pulls?'));
      expect(lists.map((r) => new URL(r.url, 'http://x').searchParams.get('page'))).toEqual(['1', '2', '3']);
      // The single pull request and its timeline for each but the bot's (4) and the draft (6); the
      // timelines hold 7, 5, 1, 2 and 3 events (commit, review requests, ready, reviews, merged,
      // closed), three to a page.
      const timeline = (n: number, page: number) =>
        `/repos/octo/app/issues/${n}/timeline?per_page=100${page > 1 ? `&page=${page}` : ''}`;
      const perPull = github.requests
        .map((r) => r.url)
        .filter((u) => !u.startsWith('/repos/octo/app/pulls?'));
      expect(perPull.sort()).toEqual(
        [
          timeline(1, 1),
          timeline(1, 2),
          timeline(1, 3),
          timeline(2, 1),
          timeline(2, 2),
          timeline(3, 1),
          timeline(5, 1),
          timeline(7, 1),
          '/repos/octo/app/pulls/1',
          '/repos/octo/app/pulls/2',
          '/repos/octo/app/pulls/3',
          '/repos/octo/app/pulls/5',
          '/repos/octo/app/pulls/7',
        ].sort(),
      );
      expect(github.requests.every((r) => r.authorization === `token ${token}`)).toBe(true);
    });

    it('asks again with the stored ETag and stops at the 304 when nothing changed', async () => {
      await sync();
      const from = github.requests.length;
      const { results } = await sync();
      expect(results[0]).toMatchObject({ status: 'unchanged', pulls: 0, pages: 0 });
      expect(requestsSince(from)).toEqual([
        '/repos/octo/app/pulls?state=all&sort=updated&direction=desc&per_page=100&page=1',
      ]);
      expect(github.requests.at(-1)!.ifNoneMatch).toMatch(/^W\/"/);
      expect(await storedChanges()).toEqual(expectedChanges);
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
      expect(results[0]).toMatchObject({ status: 'ok', pages: 1, pulls: 1, changes: 1 });
      expect(
        requestsSince(from)
          .map((u) => u.split('?')[0])
          .sort(),
      ).toEqual([
        // Its commit, review, merge and close: two timeline pages of three.
        '/repos/octo/app/issues/3/timeline',
        '/repos/octo/app/issues/3/timeline',
        '/repos/octo/app/pulls',
        '/repos/octo/app/pulls/3',
      ]);
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

    it('waits out secondary rate limits (403 and 429 with Retry-After) and retries a 502', async () => {
      const secondary = {
        message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
        documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api',
      };
      github.faults.push(
        {
          path: /\/pulls\?.*page=2$/,
          status: 403,
          headers: { 'retry-after': '1' },
          body: secondary,
          times: 1,
        },
        { path: /\/pulls\/2$/, status: 429, headers: { 'retry-after': '1' }, body: secondary, times: 1 },
        { path: /\/issues\/1\/timeline/, status: 502, body: { message: 'Server Error' }, times: 1 },
      );
      const { results } = await sync();
      expect(results[0]).toMatchObject({ status: 'ok', pulls: 7, changes: 4 });
      expect(github.faults.map((f) => f.times)).toEqual([0, 0, 0]);
      expect(github.requests.filter((r) => /\/pulls\?.*page=2$/.test(r.url))).toHaveLength(2);
      expect(await storedChanges()).toEqual(expectedChanges);
    });
  });

  describe('on a repository served two pull requests per page', () => {
    beforeEach(() => setUp(2));

    it('resumes an interrupted sync at the page it stopped on, fetching nothing twice and storing each change once', async () => {
      github.faults.push({
        path: /\/pulls\?.*page=3$/,
        status: 500,
        body: { message: 'Server Error' },
        times: 10,
      });
      const first = await sync();
      expect(first.results[0]).toMatchObject({ repo: 'octo/app', status: 'failed' });
      expect(first.job.status).toBe('failed');
      const [row] = await database.db
        .select()
        .from(githubRepositories)
        .where(eq(githubRepositories.orgId, orgId));
      expect(row).toMatchObject({ resumePage: 3, lastStatus: 'failed', cursor: null });
      expect((await storedChanges()).map((c) => c[0])).toEqual(['3', '7']);
      github.faults.length = 0;
      const from = github.requests.length;
      const second = await sync();
      expect(second.results[0]).toMatchObject({ status: 'ok', resumed: true, pages: 2, pulls: 3 });
      const lists = requestsSince(from).filter((u) => u.startsWith('/repos/octo/app/pulls?'));
      expect(lists.map((u) => new URL(u, 'http://x').searchParams.get('page'))).toEqual(['3', '4']);
      expect(requestsSince(from).filter((u) => /\/pulls\/(7|6|3|5)(\/|$)/.test(u))).toEqual([]);
      expect(await storedChanges()).toEqual(expectedChanges);
      const [after] = await database.db
        .select()
        .from(githubRepositories)
        .where(eq(githubRepositories.orgId, orgId));
      expect(after).toMatchObject({
        resumePage: null,
        lastStatus: 'ok',
        cursor: Date.parse('2024-01-08T10:00:00Z'),
      });
    });
  });
});

describe('live GitHub sync under a primary rate limit of 10 requests in 5 seconds', () => {
  beforeEach(() => setUp(100, { rateLimit: 10, windowS: 5 }));

  it('waits for x-ratelimit-reset once the requests are spent, then finishes', async () => {
    // One list page and two requests for each of the five pull requests read: eleven requests.
    const started = Date.now();
    const { results } = await sync(1_000);
    expect(results[0]).toMatchObject({ status: 'ok', pulls: 7, changes: 4 });
    expect(await storedChanges()).toEqual(expectedChanges);
    expect(github.requests.length).toBeGreaterThan(11);
    // The eleventh and any asked with it were refused (403, x-ratelimit-remaining 0) and asked
    // again only once the window (opened by the first request) had reset.
    expect(Date.now() - started).toBeGreaterThanOrEqual(5_000);
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
