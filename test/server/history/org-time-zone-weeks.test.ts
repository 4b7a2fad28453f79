import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { weekLabel, weeksIn } from '../../../server/history/weeks';
import { orgWeek } from '../../../shared/calendar/org-week';
import { bearer, createOrgFixture, sendJson } from '../../helpers/api-fixture';
import { type AppServer, startAppServer } from '../../helpers/app-server';
import { gitLogAt } from '../../helpers/small-git-log';

const at = (iso: string) => Date.parse(iso);

/** An org in time zone `zone` with `log` imported as team Web's history, and the import's answer. */
async function orgWithHistory(server: AppServer, slug: string, zone: string, log: string) {
  const org = await createOrgFixture(server.database.db, slug);
  const base = `${server.url}/api/v1/orgs/${slug}`;
  expect((await sendJson(base, 'PATCH', { timeZone: zone }, bearer(org.tokens.admin))).status).toBe(200);
  const upload = await fetch(`${base}/history/git?team=Web`, {
    method: 'POST',
    headers: { ...bearer(org.tokens.planner), 'content-type': 'text/plain' },
    body: log,
  });
  expect(upload.status).toBe(200);
  return { org, base, summary: await upload.json() };
}

describe('weeksIn', () => {
  it.each([
    // Monday 2024-01-08 02:00 UTC is Sunday 21:00 in New York (EST, UTC-5).
    ['America/New_York', '2024-01-08T02:00:00Z', '2024-01-01'],
    ['America/New_York', '2024-01-08T05:00:00Z', '2024-01-08'],
    ['UTC', '2024-01-08T02:00:00Z', '2024-01-08'],
    // Daylight saving began Sunday 2024-03-10: Monday 00:00 EDT is 04:00 UTC.
    ['America/New_York', '2024-03-11T03:59:59Z', '2024-03-04'],
    ['America/New_York', '2024-03-11T04:00:00Z', '2024-03-11'],
    // It ended Sunday 2024-11-03: Monday 00:00 EST is 05:00 UTC.
    ['America/New_York', '2024-11-04T04:59:59Z', '2024-10-28'],
    ['America/New_York', '2024-11-04T05:00:00Z', '2024-11-04'],
    // Tokyo (UTC+9): Sunday 2024-01-07 15:00 UTC is already Monday 00:00 there.
    ['Asia/Tokyo', '2024-01-07T14:59:59Z', '2024-01-01'],
    ['Asia/Tokyo', '2024-01-07T15:00:00Z', '2024-01-08'],
  ])('in %s puts %s in the week of Monday %s', (zone, instant, monday) => {
    expect(weekLabel(weeksIn(zone)(at(instant)))).toBe(monday);
  });

  it('agrees with date-fns org weeks for instants met in any order', () => {
    const zones = ['America/New_York', 'Europe/Rome', 'Australia/Lord_Howe', 'Asia/Kolkata', 'UTC'];
    const instants = fc.integer({ min: at('2023-01-01T00:00:00Z'), max: at('2026-12-31T00:00:00Z') });
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.array(instants, { minLength: 1, maxLength: 40 }),
        (zone, list) => {
          const weekIn = weeksIn(zone);
          for (const ms of list) expect(weekLabel(weekIn(ms))).toBe(orgWeek(new Date(ms), zone).monday);
        },
      ),
    );
  });
});

describe('weekly series, import summaries and calibrations in the org’s time zone', () => {
  let server: AppServer;
  beforeAll(async () => {
    server = await startAppServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it.each([
    ['America/New_York', '2024-01-01'],
    ['UTC', '2024-01-08'],
  ])('for an org in %s puts a commit at Monday 02:00 UTC in the week of %s', async (zone, monday) => {
    const slug = `tz-${zone.toLowerCase().replace(/[^a-z]/g, '')}`;
    const { org, base } = await orgWithHistory(server, slug, zone, gitLogAt('2024-01-08T02:00:00+00:00'));
    const response = await fetch(`${base}/history/weekly?format=csv`, { headers: bearer(org.tokens.viewer) });
    const [, row, end] = (await response.text()).split('\r\n');
    expect(row).toBe(`${monday},Web,unmatched,1,0,1,0,0,0,0,0,3`);
    expect(end ?? '').toBe('');
  });

  // Sunday 2024-01-07 20:00 UTC and Monday 2024-01-08 02:00 UTC: both on Sunday in New York
  // (15:00 and 21:00 EST), so one New York week (Monday 2024-01-01), two UTC weeks. A last commit on
  // Wednesday 2024-01-17 (07:00 in New York) ends the history in the week of 2024-01-15 in both zones:
  // that week is partial, so the calibration's actuals stop at the week of 2024-01-08.
  const log = gitLogAt('2024-01-07T20:00:00+00:00', '2024-01-08T02:00:00+00:00', '2024-01-17T12:00:00+00:00');

  it.each([
    [
      'America/New_York',
      { weeks: 3, from: '2024-01-07', to: '2024-01-17' },
      [
        ['2024-01-01', 2],
        ['2024-01-08', 0],
      ],
    ],
    [
      'UTC',
      { weeks: 3, from: '2024-01-07', to: '2024-01-17' },
      [
        ['2024-01-01', 1],
        ['2024-01-08', 1],
      ],
    ],
  ])('for an org in %s the import counts %o and the calibration weeks are %o', async (zone, span, weeks) => {
    const slug = `tzs-${zone.toLowerCase().replace(/[^a-z]/g, '')}`;
    const { org, base, summary } = await orgWithHistory(server, slug, zone, log);
    expect(summary).toMatchObject({ commits: 3, ...span });
    const calibration = await sendJson(
      `${base}/calibrations`,
      'POST',
      { team: 'Web' },
      bearer(org.tokens.planner),
    );
    expect(calibration.status).toBe(201);
    const { actuals } = (await calibration.json()) as { actuals: { week: string; authored: number }[] };
    expect(actuals.map((a) => [a.week, a.authored])).toEqual(weeks);
  });
});
