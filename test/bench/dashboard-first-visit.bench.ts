/**
 * Dashboard first-visit benchmark (#15): `npx tsx test/bench/dashboard-first-visit.bench.ts` (or
 * `npm run bench`, which builds first). Starts the real compiled server on a temporary database
 * holding an org of 10,000 teams of 10 engineers, stores the mean path of the seed story's first
 * event as a background job (40 team chunks, about 238 MB of team JSON), then asks for
 * GET /orgs/{org}/reports/dashboard: the first ask builds the view (later ones are answered from
 * memory), so each measured ask is the first of a freshly started server on the same database.
 * Per ask: wall, the server's CPU time (all threads) and the load. The same-run baseline is the
 * same run with its digests removed (as a run stored before digests), whose view parses every
 * team's bands; digests and baseline alternate, `DASHBOARD_ROUNDS` rounds (default 3).
 */
import { loadavg } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { eq } from 'drizzle-orm';
import { forecastRunTeams } from '../../server/db/schema';
import { bearer, createOrgFixture, sendJson } from '../helpers/api-fixture';
import { insertEqualTeams } from '../helpers/equal-teams';
import { cpuMs } from '../helpers/process-stats';
import { startServer } from '../helpers/running-server';
import { createTempDb } from '../helpers/temp-db';
import { type FigureRow, recordFigures } from './figures';

const TEAMS = 10_000;
const ROUNDS = Number(process.env.DASHBOARD_ROUNDS ?? 3);
const database = await createTempDb();
const org = await createOrgFixture(database.db, 'huge');
await insertEqualTeams(database.db, org.id, TEAMS);
const planner = bearer(org.tokens.planner);
const env = { DATABASE_URL: database.url, LOG_LEVEL: 'warn', FORECAST_JOB_TIMEOUT_MS: '1800000' };
const load = () => loadavg()[0]!.toFixed(1);

/** Runs `body` on a freshly started server (its memo empty), stopping it after. */
async function onServer<T>(body: (api: string, pid: number) => Promise<T>): Promise<T> {
  const server = await startServer(env);
  try {
    return await body(`${server.url}/api/v1/orgs/huge`, server.process.pid!);
  } finally {
    await server.stop();
  }
}

const scenarioId = await onServer(async (api) => {
  const scenario = await (
    await sendJson(
      `${api}/scenarios`,
      'POST',
      { name: 'Layoff', events: [{ type: 'layoff', date: '2027-01-04', percent: 10 }] },
      planner,
    )
  ).json();
  const job = await (
    await sendJson(`${api}/scenarios/${scenario.id}/forecast-jobs`, 'POST', { runs: 0, horizon: 52 }, planner)
  ).json();
  for (;;) {
    await sleep(1_000);
    const state = await (await fetch(`${api}/forecast-jobs/${job.id}`, { headers: planner })).json();
    if (state.status === 'failed') throw new Error(`the job failed: ${JSON.stringify(state.error)}`);
    if (state.status === 'done') return scenario.id as string;
  }
});
const digests = await database.db
  .select({ chunk: forecastRunTeams.chunk, digest: forecastRunTeams.digest })
  .from(forecastRunTeams)
  .all();
if (digests.length !== Math.ceil(TEAMS / 256) || digests.some((row) => !row.digest))
  throw new Error('the run was not stored with a digest per chunk');

/** The first Dashboard ask of a fresh server: wall, server CPU, gzipped bytes. */
const firstVisit = (withDigests: boolean) =>
  onServer(async (api, pid) => {
    for (const { chunk, digest } of digests)
      await database.db
        .update(forecastRunTeams)
        .set({ digest: withDigests ? digest : null })
        .where(eq(forecastRunTeams.chunk, chunk));
    const loadBefore = load();
    const cpu = cpuMs(pid);
    const started = performance.now();
    const response = await fetch(`${api}/reports/dashboard?scenario=${scenarioId}&horizon=52&runs=0`, {
      headers: { ...planner, 'accept-encoding': 'gzip' },
    });
    const bytes = (await response.arrayBuffer()).byteLength;
    if (response.status !== 200) throw new Error(`the Dashboard answered ${response.status}`);
    return {
      ms: performance.now() - started,
      cpuMs: cpuMs(pid) - cpu,
      bytes,
      load: `${loadBefore} -> ${load()}`,
    };
  });

const rows: FigureRow[] = [];
try {
  for (let round = 1; round <= ROUNDS; round++) {
    for (const withDigests of [false, true]) {
      const visit = await firstVisit(withDigests);
      rows.push({
        case: `round ${round}: ${withDigests ? 'digests stored with the run' : 'baseline: no digests (bands parsed)'}`,
        'wall ms': Math.round(visit.ms),
        'server CPU ms': Math.round(visit.cpuMs),
        'body bytes': visit.bytes,
        load: visit.load,
      });
      console.log(rows.at(-1));
    }
  }
  console.table(rows);
  recordFigures(
    'dashboard-first-visit',
    rows,
    `The first GET /orgs/{org}/reports/dashboard of a freshly started real server process (dist/server/index.js) for the stored mean path of ${TEAMS.toLocaleString('en')} teams x 52 weeks (40 team chunks); the baseline is the same run with its digests set to null, as a run stored before digests. Server CPU: user + system time of the server process during the ask (all threads). Load: 1-minute load average before -> after, 2 cores shared with other agents.`,
  );
} finally {
  database.cleanup();
}
