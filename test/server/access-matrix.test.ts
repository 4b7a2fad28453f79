import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../server/db/schema';
import { hasRole, type OperationKey, permissions } from '../../server/middleware/permissions';
import { systemActor } from '../../server/services/audit';
import { createTeam } from '../../server/services/teams';
import { bearer, login } from '../helpers/api-fixture';
import { type AppServer, startAppServer } from '../helpers/app-server';
import { type OperationFixture, sendOperation, setupOperations } from '../helpers/operation-requests';

let server: AppServer;
let fx: OperationFixture;
const sessions = {} as Record<'own' | 'other', Record<Role, Record<string, string>>>;

const roles = ['viewer', 'planner', 'admin'] as const satisfies Role[];
const operations = Object.keys(permissions) as OperationKey[];
const credentials = ['token', 'session'] as const;

beforeAll(async () => {
  server = await startAppServer({ env: { RATE_LIMIT_TOKENS_PER_USER: '10000' } });
  fx = await setupOperations(server);
  for (const [slug, org] of [['own', fx.own] as const, ['other', fx.other] as const]) {
    sessions[slug] = {} as Record<Role, Record<string, string>>;
    for (const role of roles) {
      const session = await login(server.url, org.emails[role]);
      sessions[slug][role] = { cookie: session.cookie, 'x-csrf-token': session.csrf };
    }
  }
});

afterAll(async () => {
  await server.close();
});

const headersOf = (kind: (typeof credentials)[number], org: 'own' | 'other', role: Role) =>
  kind === 'token' ? bearer((org === 'own' ? fx.own : fx.other).tokens[role]) : sessions[org][role];

/** Every operation of the permission table x {none, viewer, planner, admin} x {own org, other org} x {token, session}. */
describe('role x operation x org matrix', () => {
  describe.each(operations)('%s', (key) => {
    const minimum = permissions[key];

    it('answers 401 problem+json without credentials', async () => {
      const response = await sendOperation(server.url, key, 'own', await fx.request(key), {});
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
    });

    describe.each(credentials)('with a %s', (kind) => {
      it.each(roles)(`as %s of the org answers by the ${minimum} minimum`, async (role) => {
        const call = await fx.request(key);
        const response = await sendOperation(server.url, key, 'own', call, headersOf(kind, 'own', role));
        const text = await response.text();
        if (hasRole(role, minimum)) expect([200, 201, 202, 204], `${key} ${text}`).toContain(response.status);
        else expect(response.status, text).toBe(403);
      });

      it.each(roles)('as %s of another org answers 404, revealing nothing', async (role) => {
        const call = await fx.request(key);
        const response = await sendOperation(server.url, key, 'own', call, headersOf(kind, 'other', role));
        expect(response.status).toBe(404);
        const text = await response.text();
        expect(text).not.toContain(fx.own.id);
      });
    });

    it.runIf(key.includes('{id}') || key.includes('{runId}'))(
      'answers 404 to an admin addressing own-org ids through their own org',
      async () => {
        const call = await fx.request(key);
        const response = await sendOperation(server.url, key, 'other', call, bearer(fx.other.tokens.admin));
        expect(response.status).toBe(404);
      },
    );
  });

  it('answers 404 for an unknown org even to a valid token', async () => {
    const response = await fetch(`${server.url}/api/v1/orgs/nope/teams`, {
      headers: bearer(fx.own.tokens.admin),
    });
    expect(response.status).toBe(404);
  });

  it('answers 404 for another org’s team id addressed through the caller’s own org', async () => {
    const theirs = await createTeam(
      server.database.db,
      fx.other.id,
      { name: 'Theirs', headcount: {} },
      systemActor,
    );
    const response = await fetch(`${server.url}/api/v1/orgs/own/teams/${theirs.id}`, {
      headers: bearer(fx.own.tokens.admin),
    });
    expect(response.status).toBe(404);
  });
});
