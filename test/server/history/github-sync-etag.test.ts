import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { githubRepositories } from '../../../server/db/schema';
import {
  database,
  expectedChanges,
  failPullsPagesFrom,
  github,
  listUrl,
  pullsPage,
  requestsSince,
  setUp,
  storedChanges,
  sync,
  tearDown,
  variablesSince,
} from '../../helpers/github-sync-fixture';

const repository = async () => (await database.db.select().from(githubRepositories))[0]!;

/** GitHub's weak ETag, as the fake gives it: a SHA-1 of the answer. */
const weakEtag = /^W\/"[0-9a-f]{40}"$/;

/** Pull request 1 (merged on 2024-01-03, the oldest but one update) labelled AI-assisted on 2024-01-10. */
function labelFirstPull() {
  Object.assign(github.pulls.find((p) => p.number === 1)!, {
    labels: ['ai-assisted'],
    updated: '2024-01-10T09:00:00Z',
  });
}

/** The stored changes once pull request 1 is AI-assisted. */
const labelledChanges = [[...expectedChanges[0]!.slice(0, 7), true, 12], ...expectedChanges.slice(1)];

afterEach(tearDown);

describe('the list ETag of a live GitHub sync', () => {
  beforeEach(() => setUp(3));

  it('ends a sync of an unchanged repository on a 304 to the stored ETag, without a GraphQL query or a rate-limited request', async () => {
    await sync();
    const synced = await repository();
    expect(synced.etag).toMatch(weakEtag);
    const from = github.requests.length;
    const counted = github.coreUsed();
    const { results } = await sync();
    expect(results[0]).toMatchObject({ status: 'unchanged', pages: 0, pulls: 0, changes: 0, resumed: false });
    expect(requestsSince(from)).toMatchObject([{ method: 'GET', url: listUrl, ifNoneMatch: synced.etag }]);
    expect(github.coreUsed()).toBe(counted);
    expect(await storedChanges()).toEqual(expectedChanges);
    expect(await repository()).toMatchObject({
      etag: synced.etag,
      cursor: synced.cursor,
      lastStatus: 'unchanged',
      pullsRead: 0,
    });
  });

  it('reads a pull request changed since the last sync (an older, merged one) once the list answers 200, and stores the new ETag', async () => {
    await sync();
    const synced = await repository();
    labelFirstPull();
    const from = github.requests.length;
    const counted = github.coreUsed();
    const { results } = await sync();
    expect(results[0]).toMatchObject({ status: 'ok', pages: 1, pulls: 1, changes: 1 });
    expect(requestsSince(from)[0]).toMatchObject({ method: 'GET', url: listUrl, ifNoneMatch: synced.etag });
    expect(github.coreUsed()).toBe(counted + 1);
    expect(variablesSince(from + 1)).toEqual([pullsPage(null)]);
    expect(await storedChanges()).toEqual(labelledChanges);
    const row = await repository();
    expect(row.etag).toMatch(weakEtag);
    expect(row.etag).not.toBe(synced.etag);
    expect(row.cursor).toBe(Date.parse('2024-01-10T09:00:00Z'));
  });
});

describe('the list ETag of an interrupted live GitHub sync', () => {
  beforeEach(() => setUp(2));

  it('is not stored: the next sync resumes without asking the list, and the one after asks it with the last complete sync’s ETag', async () => {
    await sync();
    const complete = await repository();
    // Three pull requests updated since: newest first 4, 5, then 1 and 7 (synced already), two a page.
    labelFirstPull();
    Object.assign(github.pulls.find((p) => p.number === 5)!, { updated: '2024-01-10T10:00:00Z' });
    Object.assign(github.pulls.find((p) => p.number === 4)!, { updated: '2024-01-10T11:00:00Z' });
    failPullsPagesFrom(2);
    const interrupted = await sync();
    expect(interrupted.results[0]).toMatchObject({ status: 'failed' });
    expect(await repository()).toMatchObject({ etag: complete.etag, cursor: complete.cursor, resumePage: 2 });

    github.faults.length = 0;
    let from = github.requests.length;
    const resumed = await sync();
    expect(resumed.results[0]).toMatchObject({ status: 'ok', resumed: true, pages: 1, pulls: 1 });
    expect(requestsSince(from).filter((r) => r.method === 'GET')).toEqual([]);
    expect(await storedChanges()).toEqual(labelledChanges);
    expect(await repository()).toMatchObject({
      etag: complete.etag,
      cursor: Date.parse('2024-01-10T11:00:00Z'),
      resumePage: null,
    });

    // The list changed since that ETag: one page, nothing newer than the cursor, the ETag stored.
    from = github.requests.length;
    const checked = await sync();
    expect(checked.results[0]).toMatchObject({ status: 'unchanged', pages: 0 });
    expect(requestsSince(from)[0]).toMatchObject({ method: 'GET', ifNoneMatch: complete.etag });
    expect(variablesSince(from + 1)).toEqual([pullsPage(null)]);
    const current = (await repository()).etag;
    expect(current).toMatch(weakEtag);
    expect(current).not.toBe(complete.etag);

    from = github.requests.length;
    expect((await sync()).results[0]).toMatchObject({ status: 'unchanged' });
    expect(requestsSince(from)).toMatchObject([{ method: 'GET', ifNoneMatch: current }]);
  });
});
