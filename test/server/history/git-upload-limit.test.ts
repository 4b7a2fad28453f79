import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../server/config';
import { historyChanges, historyImports, historySources } from '../../../server/db/schema';
import { bearer, createOrgFixture, type OrgFixture } from '../../helpers/api-fixture';
import { type AppServer, startAppServer } from '../../helpers/app-server';
import { commit } from '../../helpers/small-git-log';

/** The limit the server under test runs with: 1 MiB, so the test need not send 200 MiB. */
const limit = 1_048_576;
/** The body a client offers: 64 times the limit, far more than the server may read. */
const offered = 64 * limit;

let server: AppServer;
let org: OrgFixture;

beforeAll(async () => {
  server = await startAppServer({ env: { HISTORY_UPLOAD_MAX_BYTES: String(limit) } });
  org = await createOrgFixture(server.database.db, 'big');
});
afterAll(async () => {
  await server.close();
});

/** What the client saw: the status, the problem body, and how many body bytes it had sent by then. */
interface Refusal {
  status: number;
  type: string | undefined;
  problem: { status: number; detail: string; errors: { path: string; message: string }[] };
  sentWhenAnswered: number;
}

/**
 * POSTs valid git log records as a chunked stream (or with a Content-Length of `offered` and
 * nothing sent), writing while the socket drains and stopping at the answer or at `offered` bytes.
 */
function streamUpload(withLength: boolean): Promise<Refusal> {
  const url = new URL(`${server.url}/api/v1/orgs/big/history/git`);
  const records = Buffer.from(
    Array.from({ length: 200 }, (_, i) =>
      commit(i, 'ann', 'lee', '2026-01-05T10:00:00+00:00', '2026-01-06T10:00:00+00:00'),
    ).join(''),
  );
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const req = request(
      url,
      {
        method: 'POST',
        headers: {
          ...bearer(org.tokens.planner),
          'content-type': 'text/plain',
          ...(withLength ? { 'content-length': String(offered) } : {}),
        },
      },
      (res) => {
        answered = true;
        const sentWhenAnswered = sent;
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          req.destroy();
          resolve({
            status: res.statusCode ?? 0,
            type: res.headers['content-type'],
            problem: JSON.parse(Buffer.concat(chunks).toString('utf8')),
            sentWhenAnswered,
          });
        });
      },
    );
    // The server closes the connection after refusing: later writes may fail, which is expected.
    req.on('error', (error) => (answered ? undefined : reject(error)));
    const write = () => {
      while (!withLength && !answered && sent < offered) {
        sent += records.length;
        if (!req.write(records)) return void req.once('drain', write);
      }
      if (!withLength && !answered) req.end();
    };
    req.flushHeaders();
    write();
  });
}

const nothingStored = async () => ({
  changes: await server.database.db.$count(historyChanges, eq(historyChanges.orgId, org.id)),
  sources: await server.database.db.$count(historySources, eq(historySources.orgId, org.id)),
});
const jobsOfOrg = () =>
  server.database.db.select().from(historyImports).where(eq(historyImports.orgId, org.id));

describe('the git history upload limit', () => {
  it('refuses a chunked upload once its streamed bytes pass HISTORY_UPLOAD_MAX_BYTES: 413 naming body and the limit, answered long before the client sent it all, nothing stored', async () => {
    const jobsBefore = (await jobsOfOrg()).length;
    const refusal = await streamUpload(false);
    expect(refusal.status).toBe(413);
    expect(refusal.type).toBe('application/problem+json');
    expect(refusal.problem).toMatchObject({
      status: 413,
      detail: 'The upload is larger than 1 MiB; nothing was imported.',
      errors: [{ path: 'body', message: 'must be at most 1048576 bytes (the upload limit)' }],
    });
    // Read as a stream and dropped at the limit: the answer came with at most a few socket
    // buffers past the limit sent, not after the 64 MiB offered.
    expect(refusal.sentWhenAnswered).toBeGreaterThan(limit);
    expect(refusal.sentWhenAnswered).toBeLessThan(16 * limit);
    expect(await nothingStored()).toEqual({ changes: 0, sources: 0 });
    const jobs = (await jobsOfOrg()).slice(jobsBefore);
    expect(jobs.map((j) => [j.status, (j.error as { status: number }).status])).toEqual([['failed', 413]]);
  });

  it('refuses an upload whose Content-Length passes the limit before reading any of it: 413, no import job, nothing stored', async () => {
    const jobsBefore = (await jobsOfOrg()).length;
    const refusal = await streamUpload(true);
    expect(refusal.status).toBe(413);
    expect(refusal.sentWhenAnswered).toBe(0);
    expect(refusal.problem.errors).toEqual([
      { path: 'body', message: 'must be at most 1048576 bytes (the upload limit)' },
    ]);
    expect(await jobsOfOrg()).toHaveLength(jobsBefore);
    expect(await nothingStored()).toEqual({ changes: 0, sources: 0 });
  });

  it('takes an upload of exactly the limit', async () => {
    const other = await createOrgFixture(server.database.db, 'small');
    const body = Array.from({ length: 3 }, (_, i) =>
      commit(i, 'ann', 'lee', '2026-01-05T10:00:00+00:00', '2026-01-06T10:00:00+00:00'),
    ).join('');
    const response = await fetch(`${server.url}/api/v1/orgs/small/history/git`, {
      method: 'POST',
      headers: { ...bearer(other.tokens.planner), 'content-type': 'text/plain' },
      body: body.padEnd(limit, '\n'),
    });
    expect(response.status, await response.clone().text()).toBe(200);
    expect(await response.json()).toMatchObject({ commits: 3 });
  });

  it('defaults to 200 MiB (209715200 bytes), as the README configuration table states', () => {
    expect(loadConfig({}, 'test').history.uploadMaxBytes).toBe(209_715_200);
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    expect(readme).toContain('| `HISTORY_UPLOAD_MAX_BYTES` | `209715200` |');
  });
});
