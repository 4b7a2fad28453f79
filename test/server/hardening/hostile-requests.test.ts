import { Agent, request as httpRequest } from 'node:http';
import { parse } from 'csv-parse/sync';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, engineers, teams } from '../../../server/db/schema';
import { maxJsonBytes } from '../../../server/middleware/body-limits';
import { bearer, createOrgFixture, type OrgFixture, sendJson } from '../../helpers/api-fixture';
import { type AppServer, startAppServer } from '../../helpers/app-server';

let server: AppServer;
let org: OrgFixture;
const api = () => `${server.url}/api/v1/orgs/${org.slug}`;
const admin = () => bearer(org.tokens.admin);

beforeAll(async () => {
  server = await startAppServer({ clock: () => new Date('2026-06-15T12:00:00Z') });
  org = await createOrgFixture(server.database.db, 'hostile');
});
afterAll(async () => {
  await server.close();
});

const header = 'employee_id,team,level,hire_date\n';
const malformedRosters: Record<string, string> = {
  'an unbalanced quote': `${header}E1,"Alpha,senior,2020-01-06\n`,
  'a BOM and CRLF with a bad row': `\uFEFF${header.replace('\n', '\r\n')}E1,Alpha,senior,2020-01-06\r\nE2,Alpha,boss,2020-01-06\r\n`,
  'a NUL byte in a team name': `${header}E1,Al\u0000pha,senior,2020-01-06\n`,
  'a NUL byte in the header': `employee_id\u0000,team,level,hire_date\nE1,Alpha,senior,2020-01-06\n`,
  'a 10 MB single line': `${header}${'x'.repeat(10 * 1024 * 1024)}`,
  'a bare CR inside a field': `${header}E1,Al\rpha,senior,2020-01-06\n`,
};

/** Rows that an import could have written: engineers, teams and audit entries of the org. */
async function writtenRows(): Promise<number[]> {
  const { db } = server.database;
  return Promise.all(
    [engineers, teams, auditLog].map(
      async (table) =>
        (await db.select({ n: count() }).from(table).where(eq(table.orgId, org.id)).get())?.n ?? 0,
    ),
  );
}

describe('malformed CSV for the roster import', () => {
  it.each(Object.entries(malformedRosters))(
    'rejects %s with 413 or 422 and writes nothing',
    async (_, csv) => {
      const before = await writtenRows();
      const response = await fetch(`${api()}/roster/import`, {
        method: 'POST',
        headers: { ...admin(), 'content-type': 'text/csv' },
        body: csv,
      });
      expect([413, 422]).toContain(response.status);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect(await writtenRows()).toEqual(before);
    },
  );
});

describe('oversized and mistyped bodies', () => {
  const oversized = JSON.stringify({ name: 'x'.repeat(maxJsonBytes), headcount: {} });

  it('answers a JSON body over 1 MiB with 413 problem+json, with or without Content-Length', async () => {
    const chunked = new Blob([oversized]).stream();
    for (const body of [oversized, chunked]) {
      const response = await fetch(`${api()}/teams`, {
        method: 'POST',
        headers: { ...admin(), 'content-type': 'application/json' },
        body,
        duplex: 'half',
      } as RequestInit);
      expect(response.status).toBe(413);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect(await response.json()).toMatchObject({
        status: 413,
        title: 'Content Too Large',
        detail: 'The request body is larger than 1 MiB.',
      });
    }
  });

  it.each(['text/plain', 'application/x-www-form-urlencoded', 'text/csv', ''])(
    'answers a JSON write sent as "%s" with 415',
    async (contentType) => {
      const headers: Record<string, string> = {
        ...admin(),
        ...(contentType ? { 'content-type': contentType } : {}),
      };
      const body = new Blob(['{"name":"Typed","headcount":{}}']);
      const response = await fetch(`${api()}/teams`, { method: 'POST', headers, body });
      expect(response.status).toBe(415);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
    },
  );

  it('keeps a keep-alive connection usable after answering before reading an 800 KB body', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const send = (method: string, path: string, body = '') =>
      new Promise<{ status: number; reused: boolean }>((resolve, reject) => {
        const req = httpRequest(`${server.url}${path}`, { method, agent, headers: admin() }, (res) => {
          res.resume();
          res.on('end', () => resolve({ status: res.statusCode ?? 0, reused: req.reusedSocket }));
        });
        req.on('error', reject);
        req.end(body);
      });
    try {
      expect((await send('POST', '/api/v1/orgs/nobody/teams', 'x'.repeat(800_000))).status).toBe(404);
      const started = Date.now();
      while (Date.now() - started < 900) {
        expect(await send('GET', `/api/v1/orgs/${org.slug}/teams`)).toEqual({ status: 200, reused: true });
        await new Promise((r) => setTimeout(r, 50));
      }
    } finally {
      agent.destroy();
    }
  });
});

describe('path tricks', () => {
  const tricks = [
    '/api/v1/orgs/..%2f..%2fhostile/teams',
    '/api/v1/orgs/hostile%2fteams',
    '/api/v1/orgs/%2e%2e/teams',
    '/api/v1/orgs/hostile%00/teams',
    '/api/v1/orgs/hostile/teams/%00',
    '/api/v1/orgs/hostile/teams%2f..',
    `/api/v1/orgs/${'a'.repeat(10_000)}/teams`,
  ];

  it.each(tricks.map((p) => [p.slice(0, 60), p]))('answers %s with a 404 problem', async (_, path) => {
    const response = await fetch(`${server.url}${path}`, { headers: admin() });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
  });

  it('serves no API data at //api//v1 (the web app shell at most)', async () => {
    await sendJson(`${api()}/teams`, 'POST', { name: 'Secret team', headcount: {} }, admin());
    const response = await fetch(`${server.url}//api//v1/orgs/${org.slug}/teams`, { headers: admin() });
    expect(response.status).toBeLessThan(500);
    expect(response.headers.get('content-type')).not.toMatch(/json/);
    expect(await response.text()).not.toContain('Secret team');
  });
});

describe('formula injection in the capacity report CSV', () => {
  const formulas = ['=HYPERLINK("http://x","y")', '+1', '-1', '@SUM(A1)', '\t=SUM(1)', '\r-2'];

  it('writes every team name so that no cell starts a formula', async () => {
    for (const name of formulas) {
      const created = await sendJson(`${api()}/teams`, 'POST', { name, headcount: { senior: 1 } }, admin());
      expect(created.status).toBe(201);
    }
    const scenario = await (
      await sendJson(`${api()}/scenarios`, 'POST', { name: 'P', events: [] }, admin())
    ).json();
    const csv = await (
      await fetch(`${api()}/reports/capacity?scenario=${scenario.id}&horizon=4&format=csv`, {
        headers: admin(),
      })
    ).text();
    const cells: string[] = (parse(csv, { columns: true }) as Record<string, string>[]).map((r) => r.team!);
    for (const name of formulas) expect(cells).toContain(`'${name.trim()}`);
    for (const cell of cells) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });
});
