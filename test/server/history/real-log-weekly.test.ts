import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createOrgFixture, type OrgFixture } from '../../helpers/api-fixture';
import { type AppServer, startAppServer } from '../../helpers/app-server';
import { gitHistoryGzip, gitHistoryText } from '../../helpers/git-history-data';

interface Week {
  authored: number;
  aiAssisted: number;
  signedOff: number;
  lines: number;
  hoursToSignoff: number[];
}

/** The Monday (YYYY-MM-DD, UTC) of the calendar week holding `ms`, from the day of the week. */
function mondayOf(ms: number): string {
  const day = new Date(ms);
  const back = (day.getUTCDay() + 6) % 7;
  return new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate() - back))
    .toISOString()
    .slice(0, 10);
}

/**
 * The week-by-week totals of the raw log, read with plain string handling (none of the
 * importer's code): authored in the author date's week, signed off in the commit date's week
 * (the author date's when the commit date is earlier), lines from the shortstat line.
 */
function expectedWeeks(log: string): Map<string, Week> {
  const weeks = new Map<string, Week>();
  const week = (monday: string) => {
    if (!weeks.has(monday))
      weeks.set(monday, { authored: 0, aiAssisted: 0, signedOff: 0, lines: 0, hoursToSignoff: [] });
    return weeks.get(monday)!;
  };
  for (const record of log.split('\x1e').slice(1)) {
    const fields = record.split('\x1f');
    const authored = Date.parse(fields[3]!);
    const committed = Date.parse(fields[6]!);
    const stat = fields[8]!;
    const ai = fields[7]!
      .split('\n')
      .some((line) => /^(assisted-by|co-authored-by|generated-by):/i.test(line) && /claude|opus/i.test(line));
    const a = week(mondayOf(authored));
    a.authored++;
    if (ai) a.aiAssisted++;
    a.lines += Number(/(\d+) insertion/.exec(stat)?.[1] ?? 0) + Number(/(\d+) deletion/.exec(stat)?.[1] ?? 0);
    a.hoursToSignoff.push(Math.max(0, committed - authored) / 3_600_000);
    week(mondayOf(Math.max(committed, authored))).signedOff++;
  }
  return weeks;
}

/** The value at rank ceil(n/2) of the sorted hours, to 0.01 h. */
function median(hours: number[]): number | null {
  if (hours.length === 0) return null;
  const sorted = [...hours].sort((a, b) => a - b);
  return Math.round(sorted[Math.ceil(sorted.length / 2) - 1]! * 100) / 100;
}

let server: AppServer;
let org: OrgFixture;
beforeAll(async () => {
  server = await startAppServer();
  org = await createOrgFixture(server.database.db, 'realweeks');
});
afterAll(async () => {
  await server.close();
});

describe('the weekly series of the real git history', () => {
  it('equals week-by-week counts, lines, open changes and median hours computed from the raw log', async () => {
    const base = `${server.url}/api/v1/orgs/realweeks/history`;
    const upload = await fetch(`${base}/git?team=Git`, {
      method: 'POST',
      headers: { ...bearer(org.tokens.planner), 'content-type': 'application/gzip' },
      body: new Uint8Array(gitHistoryGzip()),
    });
    expect(upload.status).toBe(200);
    const response = await fetch(`${base}/weekly?team=Git&totals=true`, {
      headers: bearer(org.tokens.viewer),
    });
    const rows = (await response.json()).items as Record<string, number | string | null>[];
    const expected = expectedWeeks(gitHistoryText());
    expect(rows.length).toBeGreaterThan(180);
    const active = [...expected.keys()].filter((monday) => monday >= String(rows[0]!.week));
    expect(rows.map((r) => r.week)).toEqual(expect.arrayContaining(active));
    let open = [...expected.entries()]
      .filter(([monday]) => monday < String(rows[0]!.week))
      .reduce((sum, [, w]) => sum + w.authored - w.signedOff, 0);
    for (const row of rows) {
      const w = expected.get(String(row.week));
      open += (w?.authored ?? 0) - (w?.signedOff ?? 0);
      expect(row, String(row.week)).toMatchObject({
        level: 'all',
        authored: w?.authored ?? 0,
        aiAssisted: w?.aiAssisted ?? 0,
        signedOff: w?.signedOff ?? 0,
        lines: w?.lines ?? 0,
        open,
        medianHoursToSignoff: median(w?.hoursToSignoff ?? []),
      });
    }
  });
});
