import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeGithub, startFakeGithub } from '../../helpers/fake-github';

let github: FakeGithub;

/** Open 1 (created first), merged 2, open 3 (created last); by last update: 2, 3, 1. */
beforeAll(async () => {
  github = await startFakeGithub({});
  github.pulls.push(
    { number: 1, login: 'ann', created: '2024-01-01T09:00:00Z', updated: '2024-01-02T09:00:00Z' },
    {
      number: 2,
      login: 'mia',
      created: '2024-01-02T09:00:00Z',
      updated: '2024-01-05T09:00:00Z',
      merged: '2024-01-05T09:00:00Z',
    },
    { number: 3, login: 'ann', created: '2024-01-03T09:00:00Z', updated: '2024-01-04T09:00:00Z' },
  );
});
afterAll(() => github.close());

async function list(query: string, etag?: string) {
  const response = await fetch(`${github.baseUrl}/repos/octo/app/pulls${query}`, {
    headers: etag ? { 'if-none-match': etag } : {},
  });
  const text = await response.text();
  return {
    status: response.status,
    etag: response.headers.get('etag') ?? '',
    numbers:
      response.status === 200
        ? (JSON.parse(text) as { number: number }[]).map((p) => p.number)
        : text || null,
  };
}

const newest = '?state=all&sort=updated&direction=desc&per_page=1';

describe('the fake GitHub REST list of pull requests the sync tests run against', () => {
  it("filters, sorts and pages by GitHub's documented parameters and defaults", async () => {
    // Defaults: open pull requests, newest created first.
    expect((await list('')).numbers).toEqual([3, 1]);
    expect((await list('?state=closed')).numbers).toEqual([2]);
    // Sorted by update, ascending unless asked otherwise.
    expect((await list('?state=all&sort=updated')).numbers).toEqual([1, 3, 2]);
    expect((await list('?state=all&sort=updated&direction=desc&per_page=2&page=2')).numbers).toEqual([1]);
    expect((await list('?sort=popularity')).status).toBe(422);
  });

  it('answers 304 without a body, counting no request, while If-None-Match names the ETag, and a new ETag once an older pull request changes', async () => {
    const first = await list(newest);
    expect(first).toMatchObject({ status: 200, numbers: [2] });
    expect(first.etag).toMatch(/^W\/"[0-9a-f]{40}"$/);
    const counted = github.coreUsed();
    expect(await list(newest, first.etag)).toEqual({ status: 304, etag: first.etag, numbers: null });
    expect(github.coreUsed()).toBe(counted);
    // A review of pull request 1 moves its updated_at, as GitHub does with any change.
    github.pulls[0]!.updated = '2024-01-06T09:00:00Z';
    const changed = await list(newest, first.etag);
    expect(changed).toMatchObject({ status: 200, numbers: [1] });
    expect(changed.etag).not.toBe(first.etag);
    expect(github.coreUsed()).toBe(counted + 1);
  });
});
