import { randomUUID } from 'node:crypto';
import type { OperationKey } from '../../server/middleware/permissions';
import { bearer, createOrgFixture, type OrgFixture, sendJson } from './api-fixture';
import type { AppServer } from './app-server';

/** One request of an operation: the path after `/orgs/{org}`, and a JSON body or a CSV roster. */
export interface OperationCall {
  path: string;
  body?: unknown;
  csv?: string;
  /** A text/plain body (a git log). */
  text?: string;
}

/** Two orgs with a user and a token per role, real resources in `own`, and a valid request per operation. */
export interface OperationFixture {
  own: OrgFixture;
  other: OrgFixture;
  ids: { team: string; scenario: string; run: string; rule: string; alert: string; job: string };
  /** A valid request for `key` in `own`; destructive operations get a fresh target each call. */
  request(key: OperationKey): Promise<OperationCall>;
}

const roster = 'employee_id,team,level,hire_date\nE1,Alpha,senior,2020-01-06\nE2,Alpha,junior,2024-02-05\n';

/** One commit in the git log format of the history import. */
const gitLog = `\x1e${'c'.repeat(40)}\x1fAnn\x1fann@own.test\x1f2024-01-01T10:00:00Z\x1fIan\x1fian@own.test\x1f2024-01-02T10:00:00Z\x1fsubject\n\x1f\n\n 1 file changed, 1 insertion(+)\n`;

const rule = (teamId: string) => ({
  name: 'Backlog',
  metric: 'backlogWeeks',
  comparator: '>=',
  threshold: 0,
  lookaheadWeeks: 4,
  schedule: '0 9 * * 1',
  timezone: 'UTC',
  webhook: { url: 'http://127.0.0.1:9/hook', secret: 'matrix-secret-0123456789' },
  teams: [teamId],
  percentile: 'P50',
});

const newMember = () => ({
  email: `${randomUUID()}@own.test`,
  name: 'm',
  password: 'a long enough password',
  role: 'viewer',
});

/** Sends `call` for `key` to org `slug` with `headers` over HTTP. */
export function sendOperation(
  url: string,
  key: OperationKey,
  slug: string,
  call: OperationCall,
  headers: Record<string, string>,
): Promise<Response> {
  const method = key.split(' ')[0]!;
  const target = `${url}/api/v1/orgs/${slug}${call.path}`;
  if (call.csv !== undefined) {
    return fetch(target, { method, headers: { ...headers, 'content-type': 'text/csv' }, body: call.csv });
  }
  if (call.text !== undefined) {
    return fetch(target, { method, headers: { ...headers, 'content-type': 'text/plain' }, body: call.text });
  }
  if (call.body !== undefined || method === 'POST') return sendJson(target, method, call.body ?? {}, headers);
  return fetch(target, { method, headers });
}

/** Creates orgs `own` and `other` and, in `own`, a team, a plan-of-record scenario, a forecast run, an alert rule and an open alert. */
export async function setupOperations(server: AppServer): Promise<OperationFixture> {
  const own = await createOrgFixture(server.database.db, 'own');
  const other = await createOrgFixture(server.database.db, 'other');
  const admin = bearer(own.tokens.admin);
  const base = `${server.url}/api/v1/orgs/own`;
  const post = async (path: string, body: unknown) => {
    const response = await sendJson(`${base}${path}`, 'POST', body, admin);
    if (!response.ok) throw new Error(`setup POST ${path}: ${response.status} ${await response.text()}`);
    return response.json();
  };
  const team = (await post('/teams', { name: 'Alpha', headcount: { junior: 6, mid: 3, senior: 1 } })).id;
  const scenario = (await post('/scenarios', { name: 'Plan', events: [] })).id;
  await post(`/scenarios/${scenario}/plan-of-record`, undefined);
  const run = (await post(`/scenarios/${scenario}/forecast`, { runs: 0, horizon: 4 })).id;
  const forecastJob = (await post(`/scenarios/${scenario}/forecast-jobs`, { runs: 0, horizon: 4 })).id;
  const ruleId = (await post('/alert-rules', rule(team))).id;
  await post(`/alert-rules/${ruleId}/evaluate`, undefined);
  const history = await (await fetch(`${base}/alert-rules/${ruleId}/alerts`, { headers: admin })).json();
  await fetch(`${base}/roster/import`, {
    method: 'POST',
    headers: { ...admin, 'content-type': 'text/csv' },
    body: roster,
  });
  const importJob = await fetch(`${base}/history/git`, {
    method: 'POST',
    headers: { ...admin, 'content-type': 'text/plain' },
    body: gitLog,
  });
  const githubSettings = { baseUrl: 'http://127.0.0.1:9', schedule: null, repositories: [] };
  await sendJson(`${base}/history/github/settings`, 'PUT', githubSettings, admin);
  const ids = {
    team,
    scenario,
    run,
    forecastJob: forecastJob as string,
    rule: ruleId,
    alert: history.items[0].id as string,
    job: (await importJob.json()).job as string,
  };
  const fresh = {
    team: async () => (await post('/teams', { name: randomUUID(), headcount: {} })).id as string,
    token: async () => (await post('/tokens', { name: 't', role: 'viewer' })).id as string,
    member: async () => (await post('/users', newMember())).id as string,
    invitation: async () =>
      (await post('/invitations', { email: `${randomUUID()}@own.test`, role: 'viewer' })).id as string,
    rule: async () => (await post('/alert-rules', rule(team))).id as string,
  };
  /** A new seed per forecast request, so each one computes a new run (201) rather than answering from the cache (200). */
  let seeds = 1000;
  const r = `/alert-rules/${ids.rule}`;
  const s = `/scenarios/${ids.scenario}`;
  const calls: Record<OperationKey, () => Promise<OperationCall>> = {
    'GET /orgs/{org}': async () => ({ path: '' }),
    'PATCH /orgs/{org}': async () => ({ path: '', body: { timeZone: 'Europe/Rome' } }),
    'GET /orgs/{org}/model': async () => ({ path: '/model' }),
    'GET /orgs/{org}/parameters': async () => ({ path: '/parameters' }),
    'GET /orgs/{org}/audit': async () => ({ path: '/audit?action=create&limit=5' }),
    'GET /orgs/{org}/teams': async () => ({ path: '/teams' }),
    'POST /orgs/{org}/teams': async () => ({
      path: '/teams',
      body: { name: randomUUID(), headcount: { senior: 2 } },
    }),
    'GET /orgs/{org}/teams/{id}': async () => ({ path: `/teams/${ids.team}` }),
    'PATCH /orgs/{org}/teams/{id}': async () => ({
      path: `/teams/${ids.team}`,
      body: { headcount: { senior: 1 } },
    }),
    'DELETE /orgs/{org}/teams/{id}': async () => ({ path: `/teams/${await fresh.team()}` }),
    'GET /orgs/{org}/teams/{id}/deletion': async () => ({ path: `/teams/${ids.team}/deletion` }),
    'POST /orgs/{org}/roster/import': async () => ({ path: '/roster/import', csv: roster }),
    'POST /orgs/{org}/roster/preview': async () => ({ path: '/roster/preview?mode=merge', csv: roster }),
    'GET /orgs/{org}/scenarios': async () => ({ path: '/scenarios' }),
    'POST /orgs/{org}/scenarios': async () => ({ path: '/scenarios', body: { name: 'New', events: [] } }),
    'GET /orgs/{org}/scenarios/{id}': async () => ({ path: s }),
    'GET /orgs/{org}/scenarios/{id}/versions': async () => ({ path: `${s}/versions` }),
    'GET /orgs/{org}/scenarios/{id}/versions/{version}': async () => ({ path: `${s}/versions/1` }),
    'POST /orgs/{org}/scenarios/{id}/versions': async () => ({
      path: `${s}/versions`,
      body: { name: 'Plan', events: [] },
    }),
    'POST /orgs/{org}/scenarios/{id}/plan-of-record': async () => ({ path: `${s}/plan-of-record` }),
    'GET /orgs/{org}/scenarios/{id}/diff': async () => ({ path: `${s}/diff?from=1&to=1` }),
    'POST /orgs/{org}/scenarios/{id}/forecast': async () => ({
      path: `${s}/forecast`,
      body: { runs: 0, horizon: 4, seed: seeds++ },
    }),
    'GET /orgs/{org}/forecasts/{runId}': async () => ({ path: `/forecasts/${ids.run}` }),
    'POST /orgs/{org}/scenarios/{id}/forecast-jobs': async () => ({
      path: `${s}/forecast-jobs`,
      body: { runs: 0, horizon: 4, seed: seeds++ },
    }),
    'GET /orgs/{org}/forecast-jobs/{jobId}': async () => ({ path: `/forecast-jobs/${ids.forecastJob}` }),
    'GET /orgs/{org}/reports/capacity': async () => ({
      path: `/reports/capacity?scenario=${ids.scenario}&horizon=4`,
    }),
    'GET /orgs/{org}/reports/dashboard': async () => ({
      path: `/reports/dashboard?scenario=${ids.scenario}&horizon=4`,
    }),
    'GET /orgs/{org}/thresholds': async () => ({ path: '/thresholds' }),
    'PATCH /orgs/{org}/thresholds': async () => ({ path: '/thresholds', body: { utilization: 0.9 } }),
    'DELETE /orgs/{org}/thresholds': async () => ({ path: '/thresholds' }),
    'POST /orgs/{org}/history/git': async () => ({ path: '/history/git', text: gitLog }),
    'POST /orgs/{org}/history/github': async () => ({
      path: '/history/github?repo=own/app',
      body: [
        {
          number: 1,
          author: { login: 'ann' },
          createdAt: '2024-01-01T10:00:00Z',
          mergedAt: null,
          closedAt: null,
        },
      ],
    }),
    'GET /orgs/{org}/history': async () => ({ path: '/history' }),
    'GET /orgs/{org}/history/imports/{id}': async () => ({ path: `/history/imports/${ids.job}` }),
    'GET /orgs/{org}/history/github/settings': async () => ({ path: '/history/github/settings' }),
    'PUT /orgs/{org}/history/github/settings': async () => ({
      path: '/history/github/settings',
      body: githubSettings,
    }),
    'POST /orgs/{org}/history/github/sync': async () => ({ path: '/history/github/sync' }),
    'GET /orgs/{org}/history/weekly': async () => ({ path: '/history/weekly' }),
    'GET /orgs/{org}/history/aliases': async () => ({ path: '/history/aliases' }),
    'POST /orgs/{org}/history/aliases': async () => ({
      path: '/history/aliases',
      body: { identity: 'ann@old.own.test', employeeId: 'E1' },
    }),
    'DELETE /orgs/{org}/history/aliases/{id}': async () => {
      const identity = `${randomUUID()}@own.test`;
      await post('/history/aliases', { identity, employeeId: 'E1' });
      return { path: `/history/aliases/${encodeURIComponent(identity)}` };
    },
    'POST /orgs/{org}/calibrations': async () => ({ path: '/calibrations', body: {} }),
    'GET /orgs/{org}/calibrations/{id}': async () => ({
      path: `/calibrations/${(await post('/calibrations', {})).id}`,
    }),
    'POST /orgs/{org}/calibrations/{id}/accept': async () => ({
      path: `/calibrations/${(await post('/calibrations', { team: 'Alpha' })).id}/accept`,
      body: { scenario: (await post('/scenarios', { name: 'Accepting', events: [] })).id },
    }),
    'GET /orgs/{org}/tokens': async () => ({ path: '/tokens' }),
    'POST /orgs/{org}/tokens': async () => ({ path: '/tokens', body: { name: 'n', role: 'viewer' } }),
    'DELETE /orgs/{org}/tokens/{id}': async () => ({ path: `/tokens/${await fresh.token()}` }),
    'GET /orgs/{org}/users': async () => ({ path: '/users' }),
    'POST /orgs/{org}/users': async () => ({ path: '/users', body: newMember() }),
    'PATCH /orgs/{org}/users/{id}': async () => ({
      path: `/users/${await fresh.member()}`,
      body: { name: 'Renamed' },
    }),
    'DELETE /orgs/{org}/users/{id}': async () => ({ path: `/users/${await fresh.member()}` }),
    'GET /orgs/{org}/invitations': async () => ({ path: '/invitations' }),
    'POST /orgs/{org}/invitations': async () => ({
      path: '/invitations',
      body: { email: `${randomUUID()}@own.test`, role: 'planner' },
    }),
    'DELETE /orgs/{org}/invitations/{id}': async () => ({ path: `/invitations/${await fresh.invitation()}` }),
    'GET /orgs/{org}/alert-rules': async () => ({ path: '/alert-rules' }),
    'POST /orgs/{org}/alert-rules': async () => ({ path: '/alert-rules', body: rule(ids.team) }),
    'GET /orgs/{org}/alert-rules/{id}': async () => ({ path: r }),
    'PATCH /orgs/{org}/alert-rules/{id}': async () => ({ path: r, body: { threshold: 0 } }),
    'DELETE /orgs/{org}/alert-rules/{id}': async () => ({ path: `/alert-rules/${await fresh.rule()}` }),
    'POST /orgs/{org}/alert-rules/{id}/evaluate': async () => ({ path: `${r}/evaluate` }),
    'POST /orgs/{org}/alert-rules/{id}/dry-run': async () => ({ path: `${r}/dry-run` }),
    'GET /orgs/{org}/alert-rules/{id}/evaluations': async () => ({ path: `${r}/evaluations` }),
    'GET /orgs/{org}/alert-rules/{id}/alerts': async () => ({ path: `${r}/alerts` }),
    'POST /orgs/{org}/alert-rules/{id}/alerts/{alertId}/acknowledge': async () => ({
      path: `${r}/alerts/${ids.alert}/acknowledge`,
    }),
    'GET /orgs/{org}/alert-rules/{id}/deliveries': async () => ({ path: `${r}/deliveries` }),
  };
  return { own, other, ids, request: (key) => calls[key]() };
}
