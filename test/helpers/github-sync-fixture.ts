import { randomBytes, randomUUID } from 'node:crypto';
import { asc } from 'drizzle-orm';
import { engineers, historyChanges, teams } from '../../server/db/schema';
import { saveGithubSettings } from '../../server/history/github-settings';
import { startGithubSync } from '../../server/history/github-sync-run';
import { getImportJob } from '../../server/history/import-jobs';
import { systemActor } from '../../server/services/audit';
import { createOrgFixture } from './api-fixture';
import { captureLog } from './captured-log';
import {
  type FakeGithub,
  type FakeGithubOptions,
  type FakePull,
  type SeenRequest,
  startFakeGithub,
} from './fake-github';
import { createTempDb, type TempDatabase } from './temp-db';

/**
 * The live GitHub sync tests' world: a temporary database with an org whose team App has one
 * senior, sam, and a fake GitHub serving seven pull requests of octo/app, synced as the API does.
 * `setUp` (in beforeEach) makes it, `tearDown` (in afterEach) ends it; the bindings below are live.
 */

export const token = 'ghp_fixtureToken0123456789abcdefghijklmn';
export const tokenKey = randomBytes(32);

/** Seven pull requests of octo/app; sam is a senior (may sign off), mia and ann are not on the roster. */
export const pulls = (): FakePull[] => [
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

export const t = (iso: string | null) => (iso === null ? null : new Date(iso));

/** The changes these pull requests make, worked out by hand from the rules in the issue. */
export const expectedChanges = [
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

export let database: TempDatabase;
export let github: FakeGithub;
export let orgId: string;

/** Makes the world, the fake answering at most `maxPerPage` nodes a connection page. */
export async function setUp(
  maxPerPage: number,
  limits: Pick<FakeGithubOptions, 'rateLimit' | 'windowS'> = {},
) {
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
export const deps = (retryUnitMs = 5) => ({
  db: database.db,
  clock: () => new Date(),
  logger: captureLog().logger,
  tokenKey,
  userAgent: 'reviewload-test',
  retryUnitMs,
});

/** A manual sync run to its end: each repository's result and the job. */
export async function sync(retryUnitMs?: number) {
  const started = await startGithubSync(deps(retryUnitMs), orgId, systemActor, 'manual');
  const results = await started.done;
  return { results, job: await getImportJob(database.db, orgId, started.job) };
}

/** The stored changes (key, author, signer, reviewers, times, AI-assisted, lines) by pull request number. */
export async function storedChanges() {
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

/** The variables of the requests made since `from`. */
export const variablesSince = (from: number) => github.requests.slice(from).map((r) => r.variables);

/** Variables of a query for a page of octo/app's pull requests after `after`. */
export const pullsPage = (after: string | null) => ({ owner: 'octo', name: 'app', first: 100, after });

/** Whether a request asked for a page of pull requests (not for a pull request's further reviews). */
export const isPullsPage = (r: SeenRequest) => r.variables?.owner !== undefined;

/** The requests since `from`: the REST list's (GET) and the GraphQL queries'. */
export const requestsSince = (from: number) => github.requests.slice(from);

/** The REST list the sync asks before its queries: the newest updated pull request of octo/app. */
export const listUrl = '/repos/octo/app/pulls?state=all&sort=updated&direction=desc&per_page=1';

/** Answers 500 to the `nth` page query of pull requests and to every later one (and their retries). */
export function failPullsPagesFrom(nth: number) {
  let pages = 0;
  github.faults.push({
    match: (r) => isPullsPage(r) && ++pages >= nth,
    status: 500,
    body: { message: 'Server Error' },
    times: 10,
  });
}

/** Stops the fake GitHub and removes the database. */
export async function tearDown() {
  await github.close();
  database.cleanup();
}
