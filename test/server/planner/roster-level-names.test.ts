import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createOrgFixture, type OrgFixture } from '../../helpers/api-fixture';
import { type AppServer, startAppServer } from '../../helpers/app-server';

/** Roster import reads a level by its id or by the name the UI shows, in any case. */
let server: AppServer;
let org: OrgFixture;

beforeAll(async () => {
  server = await startAppServer({ clock: () => new Date('2026-06-15T09:00:00Z') });
  org = await createOrgFixture(server.database.db, 'levels');
});
afterAll(async () => {
  await server.close();
});

describe('POST /orgs/{org}/roster/import level column', () => {
  it('maps the ladder names the UI shows ("Mid-level", "SENIOR") to their level ids', async () => {
    const csv = [
      'employee_id,team,level,hire_date,manager_id',
      'N1,Names,Mid-level,2020-01-01,',
      'N2,Names,SENIOR,2020-01-01,',
      'N3,Names,junior,2021-01-01,N2',
    ].join('\n');
    const response = await fetch(`${server.url}/api/v1/orgs/levels/roster/import`, {
      method: 'POST',
      headers: { ...bearer(org.tokens.planner), 'content-type': 'text/csv' },
      body: csv,
    });
    expect(response.status).toBe(200);
    const teams = await (
      await fetch(`${server.url}/api/v1/orgs/levels/teams`, { headers: bearer(org.tokens.viewer) })
    ).json();
    const names = teams.items.find((t: { name: string }) => t.name === 'Names');
    expect(names.headcount).toMatchObject({ junior: 1, mid: 1, senior: 1 });
  });
});
