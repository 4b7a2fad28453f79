import { gzipSync } from 'node:zlib';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineers, historyChanges, historySources } from '../../../server/db/schema';
import { bearer, createOrgFixture, type OrgFixture } from '../../helpers/api-fixture';
import { type AppServer, startAppServer } from '../../helpers/app-server';
import { gitHistoryGzip, gitHistoryText } from '../../helpers/git-history-data';

let server: AppServer;
let org: OrgFixture;
let text: string;
/** The answer to the gzip upload every test reads (the import runs once, before them). */
let imported: { status: number; summary: Record<string, number | string> };

/** Reference counts read straight from the raw log with plain string handling, not the importer. */
function reference(log: string) {
  const records = log.split('\x1e').slice(1);
  const commitDays = records.map((r) => new Date(r.split('\x1f')[6]!).toISOString().slice(0, 10));
  const ai = records.filter((r) =>
    r
      .split('\n')
      .some(
        (line) =>
          /^(assisted-by|co-authored-by|generated-by):/i.test(line) &&
          /claude|opus|sonnet|anthropic/i.test(line),
      ),
  ).length;
  return { commits: records.length, ai, commitDays };
}

const upload = (
  body: string | Uint8Array<ArrayBuffer>,
  headers: Record<string, string>,
  query = '',
  token = org.tokens.planner,
) =>
  fetch(`${server.url}/api/v1/orgs/hist/history/git${query}`, {
    method: 'POST',
    headers: { ...bearer(token), ...headers },
    body,
  });

const weekly = async (query = '') => {
  const response = await fetch(`${server.url}/api/v1/orgs/hist/history/weekly${query}`, {
    headers: bearer(org.tokens.viewer),
  });
  expect(response.status).toBe(200);
  return (await response.json()).items as Record<string, number | string | null>[];
};

const storedChanges = () => server.database.db.$count(historyChanges, eq(historyChanges.orgId, org.id));

beforeAll(async () => {
  server = await startAppServer();
  org = await createOrgFixture(server.database.db, 'hist');
  text = gitHistoryText();
  const response = await upload(
    new Uint8Array(gitHistoryGzip()),
    { 'content-type': 'application/gzip' },
    '?team=Git&deriveRoster=true',
  );
  imported = { status: response.status, summary: await response.json() };
});
afterAll(async () => {
  await server.close();
});

describe('POST /orgs/{org}/history/git with the real git history', () => {
  it('imports the gzip upload with every commit, the AI-assisted ones and a derived roster', async () => {
    const ref = reference(text);
    expect(ref.commits).toBe(9334);
    const { status, summary } = imported;
    expect(status, JSON.stringify(summary)).toBe(200);
    expect(summary).toMatchObject({
      commits: ref.commits,
      bots: 0,
      from: ref.commitDays.sort()[0],
      to: '2026-08-20',
    });
    expect(Number(summary.matched) + Number(summary.unmatched)).toBe(summary.people);
    expect(summary.derived).toBe(summary.matched);
    const rows = await weekly('?team=Git');
    const sum = (key: string) => rows.reduce((s, r) => s + Number(r[key]), 0);
    expect(sum('signedOff')).toBe(ref.commits);
    expect(sum('aiAssisted')).toBe(ref.ai);
    const integrator = await server.database.db
      .select({ level: engineers.level })
      .from(engineers)
      .where(eq(engineers.externalId, 'dev0001@example.invalid'))
      .get();
    expect(integrator?.level).toBe('principal');
  });

  it('counts each week’s sign-offs as the commits whose commit date falls in it', async () => {
    const ref = reference(text);
    const inWeek = ref.commitDays.filter((d) => d >= '2026-08-10' && d <= '2026-08-16').length;
    const rows = await weekly('?team=Git&from=2026-08-10&to=2026-08-16');
    expect(rows.every((r) => r.week === '2026-08-10')).toBe(true);
    expect(rows.reduce((s, r) => s + Number(r.signedOff), 0)).toBe(inWeek);
  });

  it('is idempotent: the same history again, as Content-Encoding gzip, changes nothing', async () => {
    const before = await weekly();
    const changes = await storedChanges();
    const response = await upload(
      gzipSync(text),
      { 'content-type': 'text/plain', 'content-encoding': 'gzip' },
      '?team=Git',
    );
    expect(response.status).toBe(200);
    expect(await storedChanges()).toBe(changes);
    expect(await weekly()).toEqual(before);
  });

  it('answers 422 naming record and field of a corrupted record, and stores nothing', async () => {
    const changes = await storedChanges();
    const records = text.split('\x1e');
    const fields = records[5000]!.split('\x1f');
    fields[3] = 'last tuesday';
    records[5000] = fields.join('\x1f');
    const response = await upload(records.join('\x1e'), { 'content-type': 'text/plain' }, '?source=broken');
    expect(response.status).toBe(422);
    const body = await response.json();
    expect(body.errors).toEqual([
      {
        line: 5000,
        column: 'author_date',
        message: 'record 5000, author_date: "last tuesday" is not an ISO 8601 date',
      },
    ]);
    expect(await storedChanges()).toBe(changes);
    const sources = await server.database.db
      .select()
      .from(historySources)
      .where(eq(historySources.name, 'broken'));
    expect(sources).toEqual([]);
  });

  it('answers 202 with a job for an async upload, and the job ends done with the summary', async () => {
    const response = await upload(text, { 'content-type': 'text/plain' }, '?async=true&source=again');
    expect(response.status).toBe(202);
    const { job } = await response.json();
    let state: { status: string; result: { commits: number } | null; bytesRead: number } | undefined;
    for (let i = 0; i < 200 && state?.status !== 'done'; i++) {
      const poll = await fetch(`${server.url}/api/v1/orgs/hist/history/imports/${job}`, {
        headers: bearer(org.tokens.planner),
      });
      state = await poll.json();
      if (state?.status === 'running') await new Promise((r) => setTimeout(r, 50));
    }
    expect(state).toMatchObject({
      status: 'done',
      result: { commits: 9334 },
      bytesRead: Buffer.byteLength(text),
    });
    expect((await weekly()).reduce((s, r) => s + Number(r.signedOff), 0)).toBe(9334);
  });

  it('writes the CSV with exactly the issue’s columns', async () => {
    const response = await fetch(
      `${server.url}/api/v1/orgs/hist/history/weekly?format=csv&team=Git&from=2026-08-10&to=2026-08-16`,
      {
        headers: bearer(org.tokens.viewer),
      },
    );
    const [header, first] = (await response.text()).split('\r\n');
    expect(header).toBe(
      'week,team,level,authored,ai_assisted,signed_off,open,median_hours_to_first_review,p90_hours_to_first_review,median_hours_to_signoff,p90_hours_to_signoff,lines',
    );
    expect(first?.startsWith('2026-08-10,Git,')).toBe(true);
  });

  it('lets viewers read the weekly series only', async () => {
    const viewer = org.tokens.viewer;
    expect((await upload('', { 'content-type': 'text/plain' }, '', viewer)).status).toBe(403);
    const overview = await fetch(`${server.url}/api/v1/orgs/hist/history`, { headers: bearer(viewer) });
    expect(overview.status).toBe(403);
    expect((await weekly()).length).toBeGreaterThan(0);
  });

  it('answers 415 for a body that is neither text nor gzip, and 422 for bytes that are not gzip', async () => {
    expect((await upload('{}', { 'content-type': 'application/json' })).status).toBe(415);
    const bad = await upload('not gzip at all', { 'content-type': 'application/gzip' });
    expect(bad.status).toBe(422);
    expect((await bad.json()).errors[0]).toMatchObject({ column: 'input' });
  });
});
