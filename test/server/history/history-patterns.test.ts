import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createOrgFixture } from '../../helpers/api-fixture';
import { type AppServer, startAppServer } from '../../helpers/app-server';

/**
 * Seven commits by ann, landed by lee, commit i authored on the Tuesday of week i (weeks from
 * Monday 2026-01-05), each message ending in the trailers given.
 */
const trailers = [
  'Reviewed-by: Sam <sam@x.test>',
  'Acked-by: Kim <kim@x.test>',
  'Tested-by: Tom <tom@x.test>\nReviewed-by: Sam <sam@x.test>',
  'Assisted-by: Claude Opus 4.5',
  'Co-authored-by: GitHub Copilot <copilot@users.noreply.github.com>',
  'Assisted-by: Tabnine Pro',
  'Helped-by: ChatGPT',
];
const mondays = [
  '2026-01-05',
  '2026-01-12',
  '2026-01-19',
  '2026-01-26',
  '2026-02-02',
  '2026-02-09',
  '2026-02-16',
];
const log = trailers
  .map((lines, i) => {
    const day = new Date(Date.UTC(2026, 0, 6 + 7 * i)).toISOString().slice(0, 10);
    const hash = (i + 1).toString(16).padStart(40, '0');
    return `\x1e${hash}\x1fann\x1fann@x.test\x1f${day}T10:00:00+00:00\x1flee\x1flee@x.test\x1f${day}T16:00:00+00:00\x1fChange ${i + 1}\n\n${lines}\n\x1f\n 1 file changed, 2 insertions(+)\n`;
  })
  .join('');

let server: AppServer;
beforeAll(async () => {
  server = await startAppServer();
});
afterAll(async () => {
  await server.close();
});

/** Imports the log into a fresh org with `query`; its AI-assisted changes per week and reviews per person. */
async function importWith(slug: string, query: string) {
  const org = await createOrgFixture(server.database.db, slug);
  const base = `${server.url}/api/v1/orgs/${slug}/history`;
  const imported = await fetch(`${base}/git${query}`, {
    method: 'POST',
    headers: { ...bearer(org.tokens.planner), 'content-type': 'text/plain' },
    body: log,
  });
  expect(imported.status, await imported.clone().text()).toBe(200);
  const weekly = await fetch(`${base}/weekly`, { headers: bearer(org.tokens.viewer) });
  const rows = (await weekly.json()).items as { week: string; authored: number; aiAssisted: number }[];
  const overview = await fetch(base, { headers: bearer(org.tokens.planner) });
  const unmatched = (await overview.json()).unmatched as { identity: string; reviewed: number }[];
  return {
    people: ((await imported.json()) as { people: number }).people,
    aiByWeek: mondays.map((week) =>
      rows.filter((r) => r.week === week).reduce((n, r) => n + r.aiAssisted, 0),
    ),
    reviewed: Object.fromEntries(
      unmatched.filter((u) => u.reviewed > 0).map((u) => [u.identity, u.reviewed]),
    ),
  };
}

describe('configurable review trailers and AI-tool patterns of a git import', () => {
  /** Per configuration: its query, AI-assisted changes per week and trailer reviewers, worked out by hand. */
  const cases = [
    {
      rule: 'by default counts Reviewed-by and Acked-by reviewers, and Assisted-by/Co-authored-by trailers naming Claude or Copilot',
      query: '',
      aiByWeek: [0, 0, 0, 1, 1, 0, 0],
      reviewed: { 'sam@x.test': 2, 'kim@x.test': 1 },
    },
    {
      rule: 'reviewTrailers=Tested-by,Acked-by makes Tom a reviewer and Sam none',
      query: '?reviewTrailers=Tested-by,Acked-by',
      aiByWeek: [0, 0, 0, 1, 1, 0, 0],
      reviewed: { 'tom@x.test': 1, 'kim@x.test': 1 },
    },
    {
      rule: 'aiTool=tabnine counts the Tabnine change and no longer the Claude one; the Copilot co-author still counts by its AI bot address',
      query: '?aiTool=tabnine',
      aiByWeek: [0, 0, 0, 0, 1, 1, 0],
      reviewed: { 'sam@x.test': 2, 'kim@x.test': 1 },
    },
    {
      rule: 'aiTrailers=Helped-by counts the ChatGPT change only (Assisted-by and Co-authored-by are no longer read)',
      query: '?aiTrailers=Helped-by',
      aiByWeek: [0, 0, 0, 0, 0, 0, 1],
      reviewed: { 'sam@x.test': 2, 'kim@x.test': 1 },
    },
  ];
  it.each(cases.map((c, i) => ({ ...c, slug: `rules${i}` })))(
    '$rule',
    async ({ slug, query, aiByWeek, reviewed }) => {
      expect(await importWith(slug, query)).toEqual({ people: 4, aiByWeek, reviewed });
    },
  );

  it('answers 400 naming the parameter for a malformed pattern and stores nothing', async () => {
    const org = await createOrgFixture(server.database.db, 'badpattern');
    for (const query of ['?aiTool=(unclosed', '?reviewTrailers=Reviewed by']) {
      const response = await fetch(`${server.url}/api/v1/orgs/badpattern/history/git${query}`, {
        method: 'POST',
        headers: { ...bearer(org.tokens.planner), 'content-type': 'text/plain' },
        body: log,
      });
      expect(response.status).toBe(400);
      expect(JSON.stringify(await response.json())).toContain(query.slice(1).split('=')[0]);
    }
    const overview = await fetch(`${server.url}/api/v1/orgs/badpattern/history`, {
      headers: bearer(org.tokens.planner),
    });
    expect((await overview.json()).sources).toEqual([]);
  });
});
