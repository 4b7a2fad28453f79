import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { githubRepositories, historyChanges, historyImports } from '../../../server/db/schema';
import { weeklySeries } from '../../../server/history/weekly-series';
import { bearer, createOrgFixture, sendJson } from '../../helpers/api-fixture';
import { type AppServer, startAppServer } from '../../helpers/app-server';
import { type FakeGithub, type FakePull, startFakeGithub } from '../../helpers/fake-github';
import { type RunningServer, startServer } from '../../helpers/running-server';
import { storedRows } from '../../helpers/stored-history-rows';
import { createTempDb, type TempDatabase } from '../../helpers/temp-db';

const token = 'ghp_killSecret0123456789abcdefghijklmnopq';
const tokenKey = randomBytes(32).toString('base64');
/** Five list pages of 20 (the fake's page cap): 90 pull requests, each merged with one approval by lee. */
const total = 90;
const perPage = 20;
const hour = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
const start = Date.parse('2024-01-01T09:00:00Z');
const pulls = (): FakePull[] =>
  Array.from({ length: total }, (_, i) => ({
    number: i + 1,
    login: `dev${i % 7}`,
    created: iso(start + i * hour),
    updated: iso(start + i * hour + 2 * hour),
    merged: iso(start + i * hour + 2 * hour),
    additions: i + 1,
    reviews: [{ login: 'lee', state: 'APPROVED', at: iso(start + i * hour + hour) }],
  }));
/** Pull request numbers in the order the sync lists them: newest update first. */
const listed = pulls()
  .sort((a, b) => (a.updated < b.updated ? 1 : -1))
  .map((p) => p.number);

let github: FakeGithub;
let killed: TempDatabase;
let reference: AppServer;
let server: RunningServer | undefined;

beforeEach(async () => {
  github = await startFakeGithub({ token, maxPerPage: perPage });
  github.pulls.push(...pulls());
  killed = await createTempDb();
  reference = await startAppServer({ env: { GITHUB_TOKEN_KEY: tokenKey } });
});
afterEach(async () => {
  await server?.stop('SIGKILL');
  await reference.close();
  killed.cleanup();
  await github.close();
});

/** Configures octo/app (team App) against the fake and starts a sync; the job id. */
async function startSync(url: string, adminToken: string, configure: boolean): Promise<string> {
  const base = `${url}/api/v1/orgs/gh/history/github`;
  if (configure) {
    const settings = {
      baseUrl: github.baseUrl,
      token,
      schedule: '0 6 1 1 *',
      timezone: 'UTC',
      repositories: [{ repo: 'octo/app', team: 'App' }],
    };
    const saved = await sendJson(`${base}/settings`, 'PUT', settings, bearer(adminToken));
    expect(saved.status, await saved.clone().text()).toBe(200);
  }
  const started = await sendJson(`${base}/sync`, 'POST', {}, bearer(adminToken));
  expect(started.status, await started.clone().text()).toBe(202);
  return ((await started.json()) as { job: string }).job;
}

/** Polls a job's row until `ready` holds for it; its row. */
async function until(
  db: TempDatabase['db'],
  job: string,
  ready: (row: { status: string; changesRead: number }) => boolean,
) {
  for (;;) {
    const row = await db.select().from(historyImports).where(eq(historyImports.id, job)).get();
    if (row && ready(row)) return row;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('a GitHub sync killed with SIGKILL in its own process', () => {
  it('keeps whole pages only (integrity_check ok), its job ends failed as abandoned, and the re-run stores the rows of an uninterrupted sync', async () => {
    const referenceOrg = await createOrgFixture(reference.database.db, 'gh');
    const referenceJob = await startSync(reference.url, referenceOrg.tokens.admin, true);
    expect(await until(reference.database.db, referenceJob, (r) => r.status !== 'running')).toMatchObject({
      status: 'done',
    });
    expect(await reference.database.db.$count(historyChanges)).toBe(total);

    const org = await createOrgFixture(killed.db, 'gh');
    const env = { DATABASE_URL: killed.url, GITHUB_TOKEN_KEY: tokenKey, LOG_LEVEL: 'silent' };
    server = await startServer(env);
    const first = await startSync(server.url, org.tokens.admin, true);
    // Killed once at least one page is stored and before the last.
    await until(killed.db, first, (r) => r.changesRead >= perPage && r.changesRead < total);
    await server.stop('SIGKILL');

    expect((await killed.client.execute('PRAGMA integrity_check')).rows[0]?.[0]).toBe('ok');
    const stored = (await killed.db.select({ key: historyChanges.key }).from(historyChanges)).map((r) =>
      Number(r.key),
    );
    const [repo] = await killed.db.select().from(githubRepositories);
    // Whole pages: the first (resumePage - 1) pages of the list, nothing of the next.
    expect(stored.length).toBeGreaterThanOrEqual(perPage);
    expect(stored.length).toBeLessThan(total);
    expect(stored.length % perPage).toBe(0);
    expect(repo!.resumePage).toBe(stored.length / perPage + 1);
    // The ETag of the list a sync asks first is stored once it completes: the reference's, not this one's.
    const [referenceRepo] = await reference.database.db.select().from(githubRepositories);
    expect(referenceRepo!.etag).toMatch(/^W\/"/);
    expect(repo!.etag).toBeNull();
    expect(stored.sort((a, b) => a - b)).toEqual(listed.slice(0, stored.length).sort((a, b) => a - b));
    expect(await killed.db.select({ status: historyImports.status }).from(historyImports)).toEqual([
      { status: 'running' },
    ]);

    // A new server process fails the abandoned job (its lease given back) and the sync resumes to the end.
    server = await startServer(env);
    const second = await startSync(server.url, org.tokens.admin, false);
    expect(await until(killed.db, second, (r) => r.status !== 'running')).toMatchObject({ status: 'done' });
    const jobs = await killed.db
      .select({ id: historyImports.id, status: historyImports.status, error: historyImports.error })
      .from(historyImports)
      .orderBy(sql`rowid`);
    expect(jobs.map((j) => [j.id, j.status, (j.error as { abandoned?: boolean } | null)?.abandoned])).toEqual(
      [
        [first, 'failed', true],
        [second, 'done', undefined],
      ],
    );
    expect(await storedRows(killed.db)).toEqual(await storedRows(reference.database.db));
    expect(await weeklySeries(killed.db, org.id)).toEqual(
      await weeklySeries(reference.database.db, referenceOrg.id),
    );
  }, 300_000);
});
