import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineers, teams } from '../../../server/db/schema';
import { bearer, createOrgFixture, type OrgFixture, sendJson } from '../../helpers/api-fixture';
import { type AppServer, startAppServer } from '../../helpers/app-server';
import { commit } from '../../helpers/small-git-log';

let server: AppServer;
let org: OrgFixture;
const base = () => `${server.url}/api/v1/orgs/ids/history`;

beforeAll(async () => {
  server = await startAppServer();
  org = await createOrgFixture(server.database.db, 'ids');
  const team = randomUUID();
  await server.database.db.insert(teams).values({ id: team, orgId: org.id, name: 'Core', headcount: {} });
  await server.database.db.insert(engineers).values([
    // Two emails, one in capitals: matching ignores case.
    {
      id: randomUUID(),
      orgId: org.id,
      teamId: team,
      externalId: 'E1',
      level: 'senior',
      hireDate: '2020-01-01',
      emails: ['ANN@x.test', 'ann.b@x.test'],
    },
    {
      id: randomUUID(),
      orgId: org.id,
      teamId: team,
      externalId: 'E2',
      level: 'junior',
      hireDate: '2020-01-01',
      emails: [],
    },
  ]);
});
afterAll(async () => {
  await server.close();
});

const day = '2024-01-02T10:00:00+00:00';
// Ann (first email), Ann (second email), Bo twice (on no roster row); lee (no roster row) lands all.
const log = [
  commit(1, 'ann', 'lee', day, day),
  commit(2, 'ann.b', 'lee', day, day),
  commit(3, 'bo', 'lee', day, day),
  commit(4, 'bo', 'lee', day, day),
].join('');

/** Without an alias: Ann's two changes are Core seniors', Bo's two are unmatched. */
const unaliased = [
  ['(no team)', 'unmatched', 2],
  ['Core', 'senior', 2],
];

/** Sets an alias as a planner. */
const postAlias = (identity: string, employeeId: string) =>
  sendJson(`${base()}/aliases`, 'POST', { identity, employeeId }, bearer(org.tokens.planner));

/** The weekly series' (team, level, authored) rows, as viewers read them. */
const levels = async () => {
  const response = await fetch(`${base()}/weekly`, { headers: bearer(org.tokens.viewer) });
  const { items } = (await response.json()) as { items: { team: string; level: string; authored: number }[] };
  return items.map((r) => [r.team, r.level, r.authored]);
};

describe('identities matched to the roster', () => {
  it('matches emails case-insensitively, lists the unmatched with their counts, and an alias maps one', async () => {
    const upload = await fetch(`${base()}/git`, {
      method: 'POST',
      headers: { ...bearer(org.tokens.planner), 'content-type': 'text/plain' },
      body: log,
    });
    expect(upload.status).toBe(200);
    expect(await upload.json()).toMatchObject({ commits: 4, people: 4, matched: 2, unmatched: 2 });
    expect(await levels()).toEqual(unaliased);
    const overview = await (await fetch(base(), { headers: bearer(org.tokens.planner) })).json();
    // Most changes first: lee signed off all four, bo authored two.
    expect(overview.unmatched).toEqual([
      { identity: 'lee@x.test', name: 'lee', authored: 0, signedOff: 4, reviewed: 0 },
      { identity: 'bo@x.test', name: 'bo', authored: 2, signedOff: 0, reviewed: 0 },
    ]);

    const alias = await postAlias('BO@X.test', 'E2');
    expect(alias.status).toBe(200);
    expect(await alias.json()).toEqual({ identity: 'bo@x.test', employeeId: 'E2' });
    expect(await levels()).toEqual([
      ['Core', 'junior', 2],
      ['Core', 'senior', 2],
    ]);
    const unknown = await postAlias('x@x.test', 'E9');
    expect(unknown.status).toBe(422);
    expect(await unknown.json()).toMatchObject({ errors: [{ path: 'employeeId' }] });

    const removed = await fetch(`${base()}/aliases/${encodeURIComponent('bo@x.test')}`, {
      method: 'DELETE',
      headers: bearer(org.tokens.planner),
    });
    expect(removed.status).toBe(204);
    expect(await levels()).toEqual(unaliased);
  });
});
