import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pullsQuery } from '../../../server/history/github-pulls-query';
import { type FakeGithub, startFakeGithub } from '../../helpers/fake-github';

let github: FakeGithub;

beforeAll(async () => {
  github = await startFakeGithub({});
  github.pulls.push({
    number: 1,
    login: 'ann',
    created: '2024-01-01T09:00:00Z',
    updated: '2024-01-01T09:00:00Z',
  });
});
afterAll(() => github.close());

async function ask(query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(`${github.baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: await response.json() };
}

describe('the fake GitHub GraphQL API the sync tests run against', () => {
  it("refuses a query GitHub's published schema refuses, with a 200 and errors", async () => {
    const { status, body } = await ask(
      '{ repository(owner: "o", name: "r") { pullRequests(first: 1) { nodes { reviewCount } } } }',
    );
    expect(status).toBe(200);
    expect(body.data).toBeUndefined();
    expect(body.errors[0].message).toBe(
      'Cannot query field "reviewCount" on type "PullRequest". Did you mean "reviews"?',
    );
  });

  it('refuses a connection without first or last, and one asking for more than 100', async () => {
    const missing = await ask('{ repository(owner: "o", name: "r") { pullRequests { totalCount } } }');
    expect(missing.body.errors).toEqual([
      {
        type: 'MISSING_PAGINATION_BOUNDARIES',
        message:
          'You must provide a `first` or `last` value to properly paginate the `pullRequests` connection.',
      },
    ]);
    const excessive = await ask(
      '{ repository(owner: "o", name: "r") { pullRequests(last: 101) { totalCount } } }',
    );
    expect(excessive.body.errors[0].type).toBe('EXCESSIVE_PAGINATION');
  });

  it("charges the sync's page query 4 points: 1 + 100 x 4 connection requests, over 100", async () => {
    const { body } = await ask(pullsQuery, { owner: 'o', name: 'r', first: 100, after: null });
    expect(body.errors).toBeUndefined();
    expect(body.data.rateLimit).toMatchObject({ cost: 4, remaining: 5000 - 4 });
    expect(body.data.repository.pullRequests.nodes.map((p: { number: number }) => p.number)).toEqual([1]);
  });
});
