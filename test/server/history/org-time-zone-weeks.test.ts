import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { weekLabel, weeksIn } from '../../../server/history/weeks';
import { orgWeek } from '../../../shared/calendar/org-week';
import { bearer, createOrgFixture, sendJson } from '../../helpers/api-fixture';
import { type AppServer, startAppServer } from '../../helpers/app-server';

const at = (iso: string) => Date.parse(iso);

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

describe('GET /orgs/{org}/history/weekly in the org’s time zone', () => {
  let server: AppServer;
  beforeAll(async () => {
    server = await startAppServer();
  });
  afterAll(async () => {
    await server.close();
  });

  // One commit authored and landed at Monday 2024-01-08 02:00 UTC.
  const log = `\x1e${'c'.repeat(40)}\x1fAnn\x1fann@x.test\x1f2024-01-08T02:00:00+00:00\x1fLee\x1flee@x.test\x1f2024-01-08T02:00:00+00:00\x1fchange\n\x1f\n 1 file changed, 3 insertions(+)\n`;

  it.each([
    ['America/New_York', '2024-01-01'],
    ['UTC', '2024-01-08'],
  ])('for an org in %s puts a commit at Monday 02:00 UTC in the week of %s', async (zone, monday) => {
    const slug = `tz-${zone.toLowerCase().replace(/[^a-z]/g, '')}`;
    const org = await createOrgFixture(server.database.db, slug);
    const base = `${server.url}/api/v1/orgs/${slug}`;
    expect((await sendJson(base, 'PATCH', { timeZone: zone }, bearer(org.tokens.admin))).status).toBe(200);
    const upload = await fetch(`${base}/history/git?team=Web`, {
      method: 'POST',
      headers: { ...bearer(org.tokens.planner), 'content-type': 'text/plain' },
      body: log,
    });
    expect(upload.status).toBe(200);
    const response = await fetch(`${base}/history/weekly?format=csv`, { headers: bearer(org.tokens.viewer) });
    const [, row, end] = (await response.text()).split('\r\n');
    expect(row).toBe(`${monday},Web,unmatched,1,0,1,0,0,0,0,0,3`);
    expect(end ?? '').toBe('');
  });
});
