import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProblemError } from '../../server/errors';
import { ForecastJobs } from '../../server/services/forecast-jobs';
import { bearer, createOrgFixture, type OrgFixture, sendJson } from '../helpers/api-fixture';
import { type AppServer, startAppServer } from '../helpers/app-server';

let server: AppServer;
let org: OrgFixture;
const base = () => `${server.url}/api/v1/orgs/jobs`;
const post = (path: string, body: unknown) =>
  sendJson(`${base()}${path}`, 'POST', body, bearer(org.tokens.planner));
const get = (path: string) => fetch(`${base()}${path}`, { headers: bearer(org.tokens.viewer) });

/** Polls a job until it has finished, collecting every `done` it reported on the way. */
async function finished(id: string, jobs = `${base()}/forecast-jobs`, token = org.tokens.viewer) {
  const seen: number[] = [];
  for (;;) {
    const job = await (await fetch(`${jobs}/${id}`, { headers: bearer(token) })).json();
    seen.push(job.done);
    if (job.status === 'done' || job.status === 'failed') return { job, seen };
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

beforeAll(async () => {
  server = await startAppServer({ clock: () => new Date('2026-04-01T09:00:00Z') });
  org = await createOrgFixture(server.database.db, 'jobs');
  await post('/teams', { name: 'Core', headcount: { junior: 4, mid: 5, senior: 3, principal: 1 } });
  await post('/teams', { name: 'Search', headcount: { junior: 2, mid: 3, senior: 2 } });
});
afterAll(async () => {
  await server.close();
});

describe('background forecast jobs', () => {
  it('queues a forecast (201 with Location), reports slices done of ten, and ends with the run a direct forecast gives', async () => {
    const scenario = (await (await post('/scenarios', { name: 'Plan', events: [] })).json()).id;
    const started = await post(`/scenarios/${scenario}/forecast-jobs`, { runs: 40, horizon: 8 });
    expect(started.status).toBe(201);
    const job = await started.json();
    expect(started.headers.get('location')).toBe(`/api/v1/orgs/jobs/forecast-jobs/${job.id}`);
    expect(job).toMatchObject({ scenarioId: scenario, runId: null, error: null });
    expect(['queued', 'running']).toContain(job.status);
    const { job: end, seen } = await finished(job.id);
    expect(end).toMatchObject({ status: 'done', done: 10, total: 10 });
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    const direct = await post(`/scenarios/${scenario}/forecast`, { runs: 40, horizon: 8 });
    expect(direct.status).toBe(200);
    expect((await direct.json()).id).toBe(end.runId);
  });

  it('answers 404 for an unknown scenario and for another org’s job, and 422 naming a bad option', async () => {
    expect((await post('/scenarios/nope/forecast-jobs', {})).status).toBe(404);
    expect((await get('/forecast-jobs/nope')).status).toBe(404);
    const scenario = (await (await post('/scenarios', { name: 'Plan', events: [] })).json()).id;
    const bad = await post(`/scenarios/${scenario}/forecast-jobs`, { runs: 5000 });
    expect(bad.status).toBe(422);
    expect((await bad.json()).errors.map((e: { path: string }) => e.path)).toEqual(['runs']);
  });

  it('ends as failed with the problem the engine gave', async () => {
    const refusing = await startAppServer({
      forecastJobs: (database) =>
        new ForecastJobs({
          db: database.db,
          engine: { run: () => Promise.reject(new ProblemError(503, 'Service Unavailable', 'Too busy.')) },
          clock: () => new Date(),
          timeoutMs: 1_000,
        }),
    });
    try {
      const own = await createOrgFixture(refusing.database.db, 'jobs');
      const at = `${refusing.url}/api/v1/orgs/jobs`;
      const send = (path: string, body: unknown) =>
        sendJson(`${at}${path}`, 'POST', body, bearer(own.tokens.planner));
      await send('/teams', { name: 'Core', headcount: { senior: 2 } });
      const scenario = (await (await send('/scenarios', { name: 'Plan', events: [] })).json()).id;
      const job = await (await send(`/scenarios/${scenario}/forecast-jobs`, { runs: 10 })).json();
      const end = await finished(job.id, `${at}/forecast-jobs`, own.tokens.viewer);
      expect(end.job).toMatchObject({
        status: 'failed',
        runId: null,
        error: { status: 503, title: 'Service Unavailable', detail: 'Too busy.' },
      });
    } finally {
      await refusing.close();
    }
  });
});
