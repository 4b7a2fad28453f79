import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createOrgFixture, type OrgFixture, sendJson } from '../../helpers/api-fixture';
import { type AppServer, startAppServer } from '../../helpers/app-server';

let server: AppServer;
let org: OrgFixture;
/** The answer to the upload of the six pull requests every test reads (made once, before them). */
let imported: { status: number; body: Record<string, unknown> };
const base = () => `${server.url}/api/v1/orgs/prs`;

const review = (login: string, state: string, submittedAt: string) => ({
  author: { login },
  state,
  submittedAt,
});

/** `gh pr list --json ...` output: six pull requests of octo/app (weeks of Monday 2024-01-01 and -08). */
const pullRequests = [
  {
    number: 1,
    author: { login: 'ann' },
    createdAt: '2024-01-01T09:00:00Z',
    mergedAt: '2024-01-03T10:00:00Z',
    closedAt: '2024-01-03T10:00:00Z',
    isDraft: false,
    labels: [],
    additions: 10,
    deletions: 2,
    reviews: [
      review('mia', 'COMMENTED', '2024-01-01T12:00:00Z'),
      review('mia', 'APPROVED', '2024-01-02T09:00:00Z'),
      review('Sam', 'APPROVED', '2024-01-03T09:00:00Z'),
    ],
    reviewRequests: [],
  },
  {
    number: 2,
    author: { login: 'mia' },
    createdAt: '2024-01-02T09:00:00Z',
    mergedAt: '2024-01-04T09:00:00Z',
    closedAt: '2024-01-04T09:00:00Z',
    labels: [{ name: 'ai-assisted' }],
    additions: 5,
    deletions: 0,
    reviews: [review('ann', 'APPROVED', '2024-01-02T10:00:00Z')],
  },
  {
    number: 3,
    author: { login: 'ann' },
    createdAt: '2024-01-05T09:00:00Z',
    mergedAt: null,
    closedAt: null,
    additions: 1,
    deletions: 0,
    reviews: [],
  },
  {
    number: 4,
    author: { login: 'dependabot[bot]', is_bot: true },
    createdAt: '2024-01-02T09:00:00Z',
    mergedAt: '2024-01-02T10:00:00Z',
  },
  {
    number: 5,
    author: { login: 'ann' },
    createdAt: '2024-01-03T09:00:00Z',
    mergedAt: null,
    closedAt: '2024-01-04T09:00:00Z',
    reviews: [],
  },
  {
    number: 6,
    author: { login: 'sam' },
    createdAt: '2024-01-08T09:00:00Z',
    mergedAt: '2024-01-08T10:00:00Z',
    closedAt: '2024-01-08T10:00:00Z',
    body: 'Faster.\n\nCo-authored-by: Claude <noreply@anthropic.com>',
    reviews: [],
  },
];

const upload = (body: unknown) =>
  sendJson(`${base()}/history/github?repo=octo/app&team=App`, 'POST', body, bearer(org.tokens.planner));

const totals = async () => {
  const response = await fetch(`${base()}/history/weekly?totals=true&team=App`, {
    headers: bearer(org.tokens.viewer),
  });
  return (await response.json()).items;
};

beforeAll(async () => {
  server = await startAppServer();
  org = await createOrgFixture(server.database.db, 'prs');
  const roster =
    'employee_id,team,level,hire_date,github\nE1,App,senior,2020-01-01,sam\nE2,App,junior,2023-01-02,ann\nE3,App,mid,2022-01-03,mia\n';
  const response = await fetch(`${base()}/roster/import`, {
    method: 'POST',
    headers: { ...bearer(org.tokens.planner), 'content-type': 'text/csv' },
    body: roster,
  });
  expect(response.status).toBe(200);
  const answer = await upload(pullRequests);
  imported = { status: answer.status, body: await answer.json() };
});
afterAll(async () => {
  await server.close();
});

describe('POST /orgs/{org}/history/github (gh pr list JSON)', () => {
  it('leaves out bots and abandoned pull requests and matches logins to the roster', async () => {
    const { status, body } = imported;
    expect(status, JSON.stringify(body)).toBe(200);
    expect(body).toMatchObject({ commits: 4, bots: 1, abandoned: 1, people: 3, matched: 3, unmatched: 0 });
  });

  it('signs off at a senior approval, else at merge, and counts open, AI-assisted and hours per week', async () => {
    // Hand-computed: week of 2024-01-01 authored #1 #2 #3; #1 signed off by Sam's approval after 48 h
    // (Mia's mid-level approval does not count), #2 at its merge after 48 h; #3 stays open.
    // First reviews after 3 h (#1) and 1 h (#2). Week of 2024-01-08: #6, AI co-authored, merged after 1 h.
    expect(await totals()).toEqual([
      {
        week: '2024-01-01',
        team: 'App',
        level: 'all',
        authored: 3,
        aiAssisted: 1,
        signedOff: 2,
        open: 1,
        medianHoursToFirstReview: 1,
        p90HoursToFirstReview: 3,
        medianHoursToSignoff: 48,
        p90HoursToSignoff: 48,
        lines: 18,
        top1Share: 0.5,
        top3Share: 1,
      },
      {
        week: '2024-01-08',
        team: 'App',
        level: 'all',
        authored: 1,
        aiAssisted: 1,
        signedOff: 1,
        open: 1,
        medianHoursToFirstReview: null,
        p90HoursToFirstReview: null,
        medianHoursToSignoff: 1,
        p90HoursToSignoff: 1,
        lines: 0,
        top1Share: null,
        top3Share: null,
      },
    ]);
  });

  it('is idempotent per repository and number', async () => {
    const before = await totals();
    expect((await upload(pullRequests)).status).toBe(200);
    expect(await totals()).toEqual(before);
  });

  it('answers 422 naming the item and field of a bad pull request, and stores nothing', async () => {
    const before = await totals();
    const response = await upload([{ ...pullRequests[0], number: 7, createdAt: 'yesterday' }]);
    expect(response.status).toBe(422);
    const body = await response.json();
    expect(body.errors).toEqual([{ path: '[0].createdAt', message: 'must be an ISO 8601 time' }]);
    expect(await totals()).toEqual(before);
  });
});
