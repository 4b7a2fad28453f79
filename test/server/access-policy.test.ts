import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OperationKey } from '../../server/middleware/permissions';
import { bearer } from '../helpers/api-fixture';
import { type AppServer, startAppServer } from '../helpers/app-server';
import { type OperationFixture, sendOperation, setupOperations } from '../helpers/operation-requests';

/** Expected HTTP status of one operation per caller: a token of each role of the org, another org's admin token, no credentials. */
type Statuses = readonly [admin: number, planner: number, viewer: number, otherOrg: number, none: number];

/**
 * The access policy, written out by hand and reviewed: a change of who may do what must change
 * this table. Reads are open to every member; writes to teams, roster, scenarios, forecasts and
 * alert rules need planner, and so do history imports, import jobs, the history overview and
 * aliases (viewers read only the weekly series), the live GitHub sync (its token and sync now) needs admin, and creating or accepting a calibration (every member reads one); users, invitations, tokens, changes of the org's settings (time zone, level ladder, parameter values and ranges), breach thresholds and the audit log need admin; every member reads the parameter catalogue. Another org's token learns nothing (404).
 */
const policy: Record<OperationKey, Statuses> = {
  'GET /orgs/{org}': [200, 200, 200, 404, 401],
  'PATCH /orgs/{org}': [200, 403, 403, 404, 401],
  'GET /orgs/{org}/model': [200, 200, 200, 404, 401],
  'GET /orgs/{org}/parameters': [200, 200, 200, 404, 401],
  'GET /orgs/{org}/audit': [200, 403, 403, 404, 401],
  'GET /orgs/{org}/teams': [200, 200, 200, 404, 401],
  'POST /orgs/{org}/teams': [201, 201, 403, 404, 401],
  'GET /orgs/{org}/teams/{id}': [200, 200, 200, 404, 401],
  'PATCH /orgs/{org}/teams/{id}': [200, 200, 403, 404, 401],
  'DELETE /orgs/{org}/teams/{id}': [204, 204, 403, 404, 401],
  'GET /orgs/{org}/teams/{id}/deletion': [200, 200, 200, 404, 401],
  'POST /orgs/{org}/roster/import': [200, 200, 403, 404, 401],
  'POST /orgs/{org}/roster/preview': [200, 200, 403, 404, 401],
  'GET /orgs/{org}/scenarios': [200, 200, 200, 404, 401],
  'POST /orgs/{org}/scenarios': [201, 201, 403, 404, 401],
  'GET /orgs/{org}/scenarios/{id}': [200, 200, 200, 404, 401],
  'GET /orgs/{org}/scenarios/{id}/versions': [200, 200, 200, 404, 401],
  'GET /orgs/{org}/scenarios/{id}/versions/{version}': [200, 200, 200, 404, 401],
  'POST /orgs/{org}/scenarios/{id}/versions': [201, 201, 403, 404, 401],
  'POST /orgs/{org}/scenarios/{id}/plan-of-record': [200, 200, 403, 404, 401],
  'GET /orgs/{org}/scenarios/{id}/diff': [200, 200, 200, 404, 401],
  'POST /orgs/{org}/scenarios/{id}/forecast': [201, 201, 403, 404, 401],
  'GET /orgs/{org}/forecasts/{runId}': [200, 200, 200, 404, 401],
  'POST /orgs/{org}/scenarios/{id}/forecast-jobs': [201, 201, 403, 404, 401],
  'GET /orgs/{org}/forecast-jobs/{jobId}': [200, 200, 200, 404, 401],
  'GET /orgs/{org}/reports/capacity': [200, 200, 200, 404, 401],
  'GET /orgs/{org}/reports/dashboard': [200, 200, 200, 404, 401],
  'GET /orgs/{org}/thresholds': [200, 200, 200, 404, 401],
  'PATCH /orgs/{org}/thresholds': [200, 403, 403, 404, 401],
  'DELETE /orgs/{org}/thresholds': [200, 403, 403, 404, 401],
  'POST /orgs/{org}/history/git': [200, 200, 403, 404, 401],
  'POST /orgs/{org}/history/github': [200, 200, 403, 404, 401],
  'GET /orgs/{org}/history': [200, 200, 403, 404, 401],
  'GET /orgs/{org}/history/imports/{id}': [200, 200, 403, 404, 401],
  'GET /orgs/{org}/history/github/settings': [200, 403, 403, 404, 401],
  'PUT /orgs/{org}/history/github/settings': [200, 403, 403, 404, 401],
  'POST /orgs/{org}/history/github/sync': [202, 403, 403, 404, 401],
  'GET /orgs/{org}/history/weekly': [200, 200, 200, 404, 401],
  'GET /orgs/{org}/history/aliases': [200, 200, 403, 404, 401],
  'POST /orgs/{org}/history/aliases': [200, 200, 403, 404, 401],
  'DELETE /orgs/{org}/history/aliases/{id}': [204, 204, 403, 404, 401],
  'POST /orgs/{org}/calibrations': [201, 201, 403, 404, 401],
  'GET /orgs/{org}/calibrations/{id}': [200, 200, 200, 404, 401],
  'POST /orgs/{org}/calibrations/{id}/accept': [201, 201, 403, 404, 401],
  'GET /orgs/{org}/tokens': [200, 403, 403, 404, 401],
  'POST /orgs/{org}/tokens': [201, 403, 403, 404, 401],
  'DELETE /orgs/{org}/tokens/{id}': [204, 403, 403, 404, 401],
  'GET /orgs/{org}/users': [200, 403, 403, 404, 401],
  'POST /orgs/{org}/users': [201, 403, 403, 404, 401],
  'PATCH /orgs/{org}/users/{id}': [200, 403, 403, 404, 401],
  'DELETE /orgs/{org}/users/{id}': [204, 403, 403, 404, 401],
  'GET /orgs/{org}/invitations': [200, 403, 403, 404, 401],
  'POST /orgs/{org}/invitations': [201, 403, 403, 404, 401],
  'DELETE /orgs/{org}/invitations/{id}': [204, 403, 403, 404, 401],
  'GET /orgs/{org}/alert-rules': [200, 200, 200, 404, 401],
  'POST /orgs/{org}/alert-rules': [201, 201, 403, 404, 401],
  'GET /orgs/{org}/alert-rules/{id}': [200, 200, 200, 404, 401],
  'PATCH /orgs/{org}/alert-rules/{id}': [200, 200, 403, 404, 401],
  'DELETE /orgs/{org}/alert-rules/{id}': [204, 204, 403, 404, 401],
  'POST /orgs/{org}/alert-rules/{id}/evaluate': [200, 200, 403, 404, 401],
  'POST /orgs/{org}/alert-rules/{id}/dry-run': [200, 200, 403, 404, 401],
  'GET /orgs/{org}/alert-rules/{id}/evaluations': [200, 200, 200, 404, 401],
  'GET /orgs/{org}/alert-rules/{id}/alerts': [200, 200, 200, 404, 401],
  'POST /orgs/{org}/alert-rules/{id}/alerts/{alertId}/acknowledge': [200, 200, 403, 404, 401],
  'GET /orgs/{org}/alert-rules/{id}/deliveries': [200, 200, 200, 404, 401],
};

const callers = ['admin', 'planner', 'viewer', 'otherOrg', 'none'] as const;

let server: AppServer;
let fx: OperationFixture;

beforeAll(async () => {
  server = await startAppServer({ env: { RATE_LIMIT_TOKENS_PER_USER: '10000' } });
  fx = await setupOperations(server);
});

afterAll(async () => {
  await server.close();
});

const headersOf = (caller: (typeof callers)[number]): Record<string, string> => {
  if (caller === 'none') return {};
  return bearer(caller === 'otherOrg' ? fx.other.tokens.admin : fx.own.tokens[caller]);
};

describe('written access policy', () => {
  it('lists every org-scoped operation the API describes, and no other', async () => {
    const doc = await (await fetch(`${server.url}/api/v1/openapi.json`)).json();
    const described = Object.entries(doc.paths as Record<string, object>)
      .filter(([path]) => path.startsWith('/orgs/{org}'))
      .flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`));
    expect(described.sort()).toEqual(Object.keys(policy).sort());
  });

  describe.each(Object.keys(policy) as OperationKey[])('%s', (key) => {
    it.each(callers.map((caller, i) => [caller, policy[key][i]!] as const))(
      'answers %s with %i',
      async (caller, expected) => {
        const response = await sendOperation(
          server.url,
          key,
          'own',
          await fx.request(key),
          headersOf(caller),
        );
        expect(response.status, await response.text()).toBe(expected);
      },
    );
  });
});
