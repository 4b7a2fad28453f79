import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasRole, type OperationKey, permissions } from '../../server/middleware/permissions';
import { createApiToken } from '../../server/services/api-tokens';
import { systemActor } from '../../server/services/audit';
import { createTeam } from '../../server/services/teams';
import { addMember } from '../../server/services/users';
import { bearer, createOrgFixture, type OrgFixture, sendJson } from '../helpers/api-fixture';
import { type AppServer, startAppServer } from '../helpers/app-server';

interface Call {
  path: string;
  body?: unknown;
  csv?: string;
}

let server: AppServer;
let own: OrgFixture;
let other: OrgFixture;
const ids = { team: '', scenario: '', run: '' };

const fresh = {
  team: async () =>
    (await createTeam(server.database.db, own.id, { name: randomUUID(), headcount: {} }, systemActor)).id,
  token: async () =>
    (await createApiToken(server.database.db, { orgId: own.id, name: 't', role: 'viewer' }, systemActor)).id,
  member: async () =>
    (
      await addMember(
        server.database.db,
        own.id,
        { email: `${randomUUID()}@own.test`, name: 'm', password: 'a long enough password', role: 'viewer' },
        systemActor,
      )
    ).id,
};

const roster = 'employee_id,team,level,hire_date\nE1,Alpha,senior,2020-01-06\nE2,Alpha,junior,2024-02-05\n';

/** A valid request for every org-scoped operation; destructive ones get a fresh target each time. */
const cases: Record<string, () => Promise<Call>> = {
  'GET /orgs/{org}': async () => ({ path: '' }),
  'GET /orgs/{org}/model': async () => ({ path: '/model' }),
  'GET /orgs/{org}/teams': async () => ({ path: '/teams' }),
  'POST /orgs/{org}/teams': async () => ({
    path: '/teams',
    body: { name: randomUUID(), headcount: { senior: 2 } },
  }),
  'GET /orgs/{org}/teams/{id}': async () => ({ path: `/teams/${ids.team}` }),
  'PATCH /orgs/{org}/teams/{id}': async () => ({
    path: `/teams/${ids.team}`,
    body: { headcount: { senior: 3 } },
  }),
  'DELETE /orgs/{org}/teams/{id}': async () => ({ path: `/teams/${await fresh.team()}` }),
  'POST /orgs/{org}/roster/import': async () => ({ path: '/roster/import', csv: roster }),
  'GET /orgs/{org}/scenarios': async () => ({ path: '/scenarios' }),
  'POST /orgs/{org}/scenarios': async () => ({ path: '/scenarios', body: { name: 'New', events: [] } }),
  'GET /orgs/{org}/scenarios/{id}': async () => ({ path: `/scenarios/${ids.scenario}` }),
  'GET /orgs/{org}/scenarios/{id}/versions': async () => ({ path: `/scenarios/${ids.scenario}/versions` }),
  'GET /orgs/{org}/scenarios/{id}/versions/{version}': async () => ({
    path: `/scenarios/${ids.scenario}/versions/1`,
  }),
  'POST /orgs/{org}/scenarios/{id}/versions': async () => ({
    path: `/scenarios/${ids.scenario}/versions`,
    body: { name: 'Plan', events: [] },
  }),
  'POST /orgs/{org}/scenarios/{id}/plan-of-record': async () => ({
    path: `/scenarios/${ids.scenario}/plan-of-record`,
  }),
  'GET /orgs/{org}/scenarios/{id}/diff': async () => ({
    path: `/scenarios/${ids.scenario}/diff?from=1&to=1`,
  }),
  'POST /orgs/{org}/scenarios/{id}/forecast': async () => ({
    path: `/scenarios/${ids.scenario}/forecast`,
    body: { runs: 0, horizon: 4 },
  }),
  'GET /orgs/{org}/forecasts/{runId}': async () => ({ path: `/forecasts/${ids.run}` }),
  'GET /orgs/{org}/reports/capacity': async () => ({
    path: `/reports/capacity?scenario=${ids.scenario}&horizon=4`,
  }),
  'GET /orgs/{org}/tokens': async () => ({ path: '/tokens' }),
  'POST /orgs/{org}/tokens': async () => ({ path: '/tokens', body: { name: 'n', role: 'viewer' } }),
  'DELETE /orgs/{org}/tokens/{id}': async () => ({ path: `/tokens/${await fresh.token()}` }),
  'GET /orgs/{org}/users': async () => ({ path: '/users' }),
  'POST /orgs/{org}/users': async () => ({
    path: '/users',
    body: {
      email: `${randomUUID()}@own.test`,
      name: 'n',
      password: 'a long enough password',
      role: 'viewer',
    },
  }),
  'PATCH /orgs/{org}/users/{id}': async () => ({
    path: `/users/${await fresh.member()}`,
    body: { name: 'Renamed' },
  }),
  'DELETE /orgs/{org}/users/{id}': async () => ({ path: `/users/${await fresh.member()}` }),
};

function send(key: string, slug: string, call: Call, headers: Record<string, string>) {
  const method = key.split(' ')[0]!;
  const url = `${server.url}/api/v1/orgs/${slug}${call.path}`;
  if (call.csv !== undefined) {
    return fetch(url, { method, headers: { ...headers, 'content-type': 'text/csv' }, body: call.csv });
  }
  if (call.body !== undefined || method === 'POST') return sendJson(url, method, call.body ?? {}, headers);
  return fetch(url, { method, headers });
}

beforeAll(async () => {
  server = await startAppServer();
  own = await createOrgFixture(server.database.db, 'own');
  other = await createOrgFixture(server.database.db, 'other');
  const admin = bearer(own.tokens.admin);
  const base = `${server.url}/api/v1/orgs/own`;
  ids.team = (
    await (
      await sendJson(`${base}/teams`, 'POST', { name: 'Alpha', headcount: { senior: 2, mid: 3 } }, admin)
    ).json()
  ).id;
  ids.scenario = (
    await (await sendJson(`${base}/scenarios`, 'POST', { name: 'Plan', events: [] }, admin)).json()
  ).id;
  const run = await sendJson(
    `${base}/scenarios/${ids.scenario}/forecast`,
    'POST',
    { runs: 0, horizon: 4 },
    admin,
  );
  ids.run = (await run.json()).id;
});

afterAll(async () => {
  await server.close();
});

/** Alert rule operations belong to the alerts issue and its own tests. */
const operations = (Object.keys(permissions) as OperationKey[]).filter((key) => !key.includes('/alert'));

describe('role x operation x org matrix', () => {
  it('has a request for every org-scoped operation in the permission table', () => {
    expect(Object.keys(cases).sort()).toEqual([...operations].sort());
  });

  describe.each(operations)('%s', (key) => {
    const minimum = permissions[key];
    it.each(['viewer', 'planner', 'admin'] as const)(
      `as %s of the org answers by the ${minimum} minimum`,
      async (role) => {
        const response = await send(key, 'own', await cases[key]!(), bearer(own.tokens[role]));
        const text = await response.text();
        if (hasRole(role, minimum)) expect([200, 201, 204], text).toContain(response.status);
        else expect(response.status, text).toBe(403);
      },
    );

    it('answers 404 to an admin of another org, revealing nothing', async () => {
      const response = await send(key, 'own', await cases[key]!(), bearer(other.tokens.admin));
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain(own.id);
    });

    it('answers 401 problem+json without credentials', async () => {
      const response = await send(key, 'own', await cases[key]!(), {});
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
    });
  });

  it('answers 404 for an unknown org even to a valid token', async () => {
    const response = await fetch(`${server.url}/api/v1/orgs/nope/teams`, {
      headers: bearer(own.tokens.admin),
    });
    expect(response.status).toBe(404);
  });

  it('answers 404 for another org’s team id addressed through the caller’s own org', async () => {
    const theirs = await createTeam(
      server.database.db,
      other.id,
      { name: 'Theirs', headcount: {} },
      systemActor,
    );
    const response = await fetch(`${server.url}/api/v1/orgs/own/teams/${theirs.id}`, {
      headers: bearer(own.tokens.admin),
    });
    expect(response.status).toBe(404);
  });
});
