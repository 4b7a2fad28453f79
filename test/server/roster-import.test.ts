import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, engineers, teams } from '../../server/db/schema';
import { bearer, createOrgFixture, type OrgFixture, sendJson } from '../helpers/api-fixture';
import { type AppServer, startAppServer } from '../helpers/app-server';

let server: AppServer;
let org: OrgFixture;
const fixedNow = new Date('2026-06-15T12:00:00Z');

function importCsv(csv: string, contentType = 'text/csv') {
  return fetch(`${server.url}/api/v1/orgs/${org.slug}/roster/import`, {
    method: 'POST',
    headers: { ...bearer(org.tokens.planner), 'content-type': contentType },
    body: csv,
  });
}

const headcounts = async () =>
  Object.fromEntries(
    (await server.database.db.select().from(teams).where(eq(teams.orgId, org.id))).map((t) => [
      t.name,
      t.headcount,
    ]),
  );

let orgs = 0;

beforeAll(async () => {
  server = await startAppServer({ clock: () => fixedNow });
});
/** Each test imports into an org of its own that holds one team, Legacy, and no roster. */
beforeEach(async () => {
  orgs += 1;
  org = await createOrgFixture(server.database.db, `roster-${orgs}`);
  await sendJson(
    `${server.url}/api/v1/orgs/${org.slug}/teams`,
    'POST',
    { name: 'Legacy', headcount: { mid: 4 } },
    bearer(org.tokens.planner),
  );
});
afterAll(async () => {
  await server.close();
});

describe('POST /orgs/{org}/roster/import', () => {
  it('replaces the roster, creates unknown teams and sets every team’s headcount from the file', async () => {
    const csv = [
      'employee_id,team,level,hire_date,manager_id',
      'E1,Checkout,senior,2019-04-01,',
      'E2,Checkout,junior,2025-09-01,E1',
      'E3,"Search, Core",mid,2022-01-10,E1',
    ].join('\r\n');
    const response = await importCsv(csv);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      imported: 3,
      teams: 2,
      teamsCreated: 2,
      mode: 'replace',
      people: { added: 3, moved: 0, levelChanged: 0, removed: 0, unchanged: 0 },
    });
    expect(await headcounts()).toEqual({
      Legacy: {},
      Checkout: { senior: 1, junior: 1 },
      'Search, Core': { mid: 1 },
    });
    expect(await server.database.db.$count(engineers, eq(engineers.orgId, org.id))).toBe(3);
    expect(
      await server.database.db.$count(
        auditLog,
        and(eq(auditLog.orgId, org.id), eq(auditLog.action, 'import')),
      ),
    ).toBe(1);
  });

  it('writes nothing when one row is bad and reports each bad cell by line and column', async () => {
    const roster =
      'employee_id,team,level,hire_date\nE1,Checkout,senior,2019-04-01\nE2,Search,mid,2022-01-10\n';
    expect((await importCsv(roster)).status).toBe(200);
    const before = await headcounts();
    const csv = [
      'employee_id,team,level,hire_date,manager_id',
      'A1,Payments,senior,2020-01-01,',
      'A2,Payments,wizard,2020-01-01,',
      'A3,Payments,mid,2026-07-01,A9',
      'A1,Payments,mid,2021-13-01,',
    ].join('\n');
    const response = await importCsv(csv);
    expect(response.status).toBe(422);
    const body = await response.json();
    expect(body.errors).toEqual([
      {
        line: 3,
        column: 'level',
        message:
          'unknown level "wizard" (accepted: level id or name, junior (Junior), mid (Mid-level), senior (Senior), principal (Principal))',
      },
      { line: 4, column: 'hire_date', message: 'must not be in the future (after 2026-06-15)' },
      { line: 4, column: 'manager_id', message: 'no employee_id in the file' },
      { line: 5, column: 'employee_id', message: 'duplicate of line 2' },
      { line: 5, column: 'hire_date', message: 'must be an ISO date (YYYY-MM-DD)' },
    ]);
    expect(await headcounts()).toEqual(before);
    expect(await server.database.db.$count(engineers, eq(engineers.orgId, org.id))).toBe(2);
  });

  it('stores the optional email (several, lower-cased) and github columns, and rejects bad ones', async () => {
    const bad = await importCsv(
      'employee_id,team,level,hire_date,email,github\nG1,Git,senior,2020-01-01,not-an-email,-x\n',
    );
    expect((await bad.json()).errors).toEqual([
      { line: 2, column: 'email', message: '"not-an-email" is not an email address' },
      { line: 2, column: 'github', message: '"-x" is not a GitHub login' },
    ]);
    const csv =
      'employee_id,team,level,hire_date,email,github\nG1,Git,senior,2020-01-01,A@X.org; a@y.org,Octo-Cat\nG2,Git,mid,2020-01-01,,\n';
    expect((await importCsv(csv)).status).toBe(200);
    const rows = await server.database.db
      .select({ id: engineers.externalId, emails: engineers.emails, github: engineers.github })
      .from(engineers)
      .where(eq(engineers.orgId, org.id))
      .orderBy(engineers.externalId);
    expect(rows).toEqual([
      { id: 'G1', emails: ['a@x.org', 'a@y.org'], github: 'octo-cat' },
      { id: 'G2', emails: [], github: null },
    ]);
  });

  it('answers 422 naming the line for malformed CSV and for a missing column', async () => {
    const malformed = await importCsv('employee_id,team,level,hire_date\nE1,"Open,senior,2020-01-01\n');
    expect((await malformed.json()).errors).toEqual([
      { line: 2, column: 'team', message: 'line 2: unterminated quoted field' },
    ]);
    const missing = await importCsv('employee_id,team,level\nE1,T,mid\n');
    expect((await missing.json()).errors).toEqual([
      { line: 1, column: 'hire_date', message: 'required column is missing' },
    ]);
  });

  it('answers 415 when the body is not text/csv', async () => {
    const response = await importCsv('{}', 'application/json');
    expect(response.status).toBe(415);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
  });

  it('imports 50,000 rows in one request and replaces the previous roster with them (timed in npm run bench)', async () => {
    const rows = Array.from(
      { length: 50_000 },
      (_, i) => `P${i},Team ${i % 50},${['junior', 'mid', 'senior'][i % 3]},2021-03-01,${i > 0 ? 'P0' : ''}`,
    );
    const csv = `employee_id,team,level,hire_date,manager_id\n${rows.join('\n')}\n`;
    expect((await importCsv(csv)).status).toBe(200);
    const response = await importCsv(csv);
    expect(response.status).toBe(200);
    expect((await response.json()).imported).toBe(50_000);
    expect(await server.database.db.$count(engineers, eq(engineers.orgId, org.id))).toBe(50_000);
  });
});
