import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createOrgFixture, login, type OrgFixture, sendJson } from '../helpers/api-fixture';
import { type AppServer, startAppServer } from '../helpers/app-server';

/**
 * The server's clock stands at Sunday 2026-11-29 12:00 UTC: Monday 01:00 in Auckland (NZDT, +13),
 * Sunday 04:00 in Los Angeles (PST, -8). The org's week starts on the org's local Monday.
 */
let server: AppServer;
const orgs: Record<string, OrgFixture> = {};
const base = (slug: string) => `${server.url}/api/v1/orgs/${slug}`;

beforeAll(async () => {
  server = await startAppServer({ clock: () => new Date('2026-11-29T12:00:00Z') });
  for (const slug of ['tz-utc', 'tz-akl', 'tz-lax']) {
    orgs[slug] = await createOrgFixture(server.database.db, slug);
    const headers = bearer(orgs[slug].tokens.planner);
    await sendJson(
      `${base(slug)}/teams`,
      'POST',
      { name: 'Core', headcount: { mid: 4, senior: 2 } },
      headers,
    );
  }
});
afterAll(async () => {
  await server.close();
});

const setZone = (slug: string, timeZone: unknown) =>
  sendJson(`${base(slug)}`, 'PATCH', { timeZone }, bearer(orgs[slug]!.tokens.admin));

/** The first week of a forecast started without a start week. */
async function defaultFirstWeek(slug: string): Promise<string> {
  const headers = bearer(orgs[slug]!.tokens.planner);
  const scenario = await (
    await sendJson(`${base(slug)}/scenarios`, 'POST', { name: 'Today' }, headers)
  ).json();
  const run = await sendJson(
    `${base(slug)}/scenarios/${scenario.id}/forecast`,
    'POST',
    { runs: 0, horizon: 2 },
    headers,
  );
  expect(run.status).toBe(201);
  return (await run.json()).forecast.weeks[0];
}

describe("weeks in the org's time zone", () => {
  it('defaults to UTC: the forecast starts on the UTC Monday before the Sunday', async () => {
    const org = await (
      await fetch(base('tz-utc'), { headers: bearer(orgs['tz-utc']!.tokens.viewer) })
    ).json();
    expect(org.timeZone).toBe('UTC');
    expect(await defaultFirstWeek('tz-utc')).toBe('2026-11-23');
  });

  it('starts an Auckland org’s forecast on its Monday 30 November, a day ahead of UTC', async () => {
    const response = await setZone('tz-akl', 'Pacific/Auckland');
    expect(response.status).toBe(200);
    expect((await response.json()).timeZone).toBe('Pacific/Auckland');
    expect(await defaultFirstWeek('tz-akl')).toBe('2026-11-30');
  });

  it('starts a Los Angeles org’s forecast on Monday 23 November', async () => {
    expect((await setZone('tz-lax', 'America/Los_Angeles')).status).toBe(200);
    expect(await defaultFirstWeek('tz-lax')).toBe('2026-11-23');
  });

  it('tells a signed-in browser its org’s zone in /auth/me', async () => {
    await setZone('tz-akl', 'Pacific/Auckland');
    const session = await login(server.url, orgs['tz-akl']!.emails.viewer);
    const me = await (
      await fetch(`${server.url}/api/v1/auth/me`, { headers: { cookie: session.cookie } })
    ).json();
    expect(me.memberships[0].org).toEqual({
      slug: 'tz-akl',
      name: 'Org tz-akl',
      timeZone: 'Pacific/Auckland',
    });
  });

  it('rejects an unknown zone with 422 naming timeZone and keeps the old one', async () => {
    await setZone('tz-lax', 'America/Los_Angeles');
    const response = await setZone('tz-lax', 'Mars/Olympus_Mons');
    expect(response.status).toBe(422);
    const problem = await response.json();
    expect(problem.errors.map((e: { path: string }) => e.path)).toEqual(['timeZone']);
    const org = await (
      await fetch(base('tz-lax'), { headers: bearer(orgs['tz-lax']!.tokens.viewer) })
    ).json();
    expect(org.timeZone).toBe('America/Los_Angeles');
  });

  it('lets only admins change the zone', async () => {
    const response = await sendJson(
      base('tz-utc'),
      'PATCH',
      { timeZone: 'Europe/Rome' },
      bearer(orgs['tz-utc']!.tokens.planner),
    );
    expect(response.status).toBe(403);
  });
});
