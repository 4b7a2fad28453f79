import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../server/db/schema';
import { bearer, createOrgFixture, type OrgFixture, sendJson } from '../helpers/api-fixture';
import { type AppServer, startAppServer } from '../helpers/app-server';

/** The audit log reader: filters, newest-first pages, CSV with formula cells neutralised. */
let server: AppServer;
let acme: OrgFixture;
let other: OrgFixture;
/** Token id of the `=SUM(1,2)`-named planner token whose writes the log names. */
let trickyId: string;
let tricky: string;

const at = (iso: string) => new Date(iso);

beforeAll(async () => {
  server = await startAppServer();
  acme = await createOrgFixture(server.database.db, 'acme');
  other = await createOrgFixture(server.database.db, 'other');
  const created = await (
    await sendJson(
      `${server.url}/api/v1/orgs/acme/tokens`,
      'POST',
      { name: '=SUM(1,2)', role: 'planner' },
      bearer(acme.tokens.admin),
    )
  ).json();
  trickyId = created.id;
  tricky = created.token;
  const entry = (actor: string, action: string, entity: string, when: string, orgId = acme.id) => ({
    id: randomUUID(),
    orgId,
    actor,
    action,
    entity,
    entityId: null,
    before: null,
    after: { note: when },
    at: at(when),
  });
  await server.database.db
    .insert(auditLog)
    .values([
      entry('system', 'seed', 'org', '2026-01-05T09:00:00Z'),
      entry('system', 'create', 'team', '2026-01-06T09:00:00Z'),
      entry('system', 'update', 'team', '2026-01-07T09:00:00Z'),
      entry('system', 'delete', 'team', '2026-01-08T09:00:00Z'),
      entry('system', 'create', 'scenario', '2026-01-08T10:00:00Z'),
      entry('system', 'create', 'team', '2026-01-09T09:00:00Z', other.id),
    ]);
  const team = await sendJson(
    `${server.url}/api/v1/orgs/acme/teams`,
    'POST',
    { name: 'Audited', headcount: { senior: 1 } },
    bearer(tricky),
  );
  expect(team.status).toBe(201);
});
afterAll(async () => {
  await server.close();
});

const read = async (query: string, token = acme.tokens.admin) => {
  const response = await fetch(`${server.url}/api/v1/orgs/acme/audit${query}`, { headers: bearer(token) });
  return { status: response.status, body: await response.json() };
};
const notes = (items: { after: { note?: string } | null }[]) => items.map((item) => item.after?.note);

describe('GET /orgs/{org}/audit', () => {
  it('filters by action, entity and a time window (from inclusive, to exclusive), newest first, only this org', async () => {
    const { body } = await read('?entity=team&from=2026-01-06&to=2026-01-08T09:00:00Z');
    expect(notes(body.items)).toEqual(['2026-01-07T09:00:00Z', '2026-01-06T09:00:00Z']);
    const creates = await read('?action=create&entity=scenario');
    expect(notes(creates.body.items)).toEqual(['2026-01-08T10:00:00Z']);
  });

  it('filters by actor and names a token actor by the token’s name', async () => {
    const { body } = await read(`?actor=token:${trickyId}`);
    expect(body.items).toEqual([
      expect.objectContaining({
        actor: `token:${trickyId}`,
        actorName: '=SUM(1,2)',
        action: 'create',
        entity: 'team',
        after: expect.objectContaining({ name: 'Audited' }),
      }),
    ]);
    expect(body.actions).toEqual(expect.arrayContaining(['create', 'delete', 'seed', 'update']));
    expect(body.entities).toEqual(expect.arrayContaining(['org', 'scenario', 'team']));
  });

  it('walks the whole log in pages of two without a repeat or a gap', async () => {
    const all = (await read('?actor=system&limit=200')).body.items.map((item: { id: string }) => item.id);
    // five inserted above, and the fixture's three tokens (one per role) created by the system
    expect(all).toHaveLength(8);
    const walked: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `?actor=system&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const { body } = await read(query);
      expect(body.items.length).toBeLessThanOrEqual(2);
      walked.push(...body.items.map((item: { id: string }) => item.id));
      cursor = body.nextCursor;
    } while (cursor);
    expect(walked).toEqual(all);
  });

  it.each([
    ['?from=yesterday', 'from'],
    ['?to=2026-13-01', 'to'],
    ['?cursor=bm90LWEtY3Vyc29y', 'cursor'],
    ['?limit=0', 'limit'],
  ])('refuses %s with 400 naming %s', async (query, field) => {
    const { status, body } = await read(query);
    expect(status).toBe(400);
    expect(body.errors.map((e: { path: string }) => e.path)).toEqual([field]);
  });

  it('is for admins only', async () => {
    expect((await read('', acme.tokens.planner)).status).toBe(403);
    expect((await read('', acme.tokens.viewer)).status).toBe(403);
  });

  it('exports every matching entry as CSV, with a formula-like cell made text', async () => {
    const response = await fetch(
      `${server.url}/api/v1/orgs/acme/audit?format=csv&entity=team&action=create`,
      {
        headers: bearer(acme.tokens.admin),
      },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="audit-acme.csv"');
    const lines = (await response.text()).split('\r\n');
    expect(lines[0]).toBe('at,actor,actor_name,action,entity,entity_id,before,after');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatch(
      new RegExp(`^[^,]+,token:${trickyId},"'=SUM\\(1,2\\)",create,team,[0-9a-f-]{36},,"\\{""`),
    );
    expect(lines[2]).toBe(
      '2026-01-06T09:00:00.000Z,system,,create,team,,,"{""note"":""2026-01-06T09:00:00Z""}"',
    );
    expect(lines[3]).toBe('');
  });
});
