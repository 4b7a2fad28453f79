/**
 * Background job benchmark (#15): `npx tsx test/bench/scale-job.bench.ts` (or `npm run bench`,
 * which builds first). Starts the real compiled server as its own process on a temporary database
 * holding an org of 10,000 teams of 10 engineers (100,000), then submits a forecast job of
 * SCALE_JOB_RUNS runs (default 1,000; target <= 5 min wall and <= 2 GB RSS), after a same-run
 * baseline job of 20 runs of the same org, and polls each over the API once a second. Per job:
 * wall time, the server's CPU time (all its threads: engine pool, merge, storage), its peak RSS
 * (VmHWM, started again at each job's submission; the engine threads are in the same process), the load average, and the split of the
 * wall time between the engine slices (until `done` = `total`) and the merge plus storage after.
 * Below 1,000 runs, the cost at 1,000 runs is projected from the two jobs (a fixed part plus a
 * part per run).
 */
import { loadavg } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { addWeeks, formatISO, startOfISOWeek } from 'date-fns';
import { bearer, createOrgFixture, sendJson } from '../helpers/api-fixture';
import { insertEqualTeams } from '../helpers/equal-teams';
import { cpuMs, peakRssMb, resetPeakRss, rssMb } from '../helpers/process-stats';
import { startServer } from '../helpers/running-server';
import { createTempDb } from '../helpers/temp-db';
import { type FigureRow, recordFigures } from './figures';

const TEAMS = 10_000;
const WEEKS = 52;
const RUNS = Number(process.env.SCALE_JOB_RUNS ?? 1_000);
/**
 * The baseline's runs: at least 15, so it splits like a 1,000-run job, into 40 slices of 256 teams
 * over all runs (from 15 runs the raw samples of 10,001 teams x 17 series x 52 weeks pass the 512 MB
 * run-split budget, planSlices); 10 runs split into 10 run slices of all 10,000 teams instead.
 */
const BASELINE_RUNS = 20;
const TARGET_RUNS = 1_000;

/** The seed story [R42]-[R44] from next week on: 10% layoff, AI use to 80%, senior sign-off of junior and mid AI changes. */
const seedStory = (now: Date) => {
  const week = (n: number) => formatISO(addWeeks(startOfISOWeek(now), n), { representation: 'date' });
  return {
    name: 'seed story [R42]-[R44]',
    events: [
      { type: 'layoff', date: week(1), percent: 10 },
      { type: 'ai-adoption', date: week(0), targetPercent: 80, rampWeeks: 26 },
      {
        type: 'review-policy',
        date: week(8),
        rules: { junior: { ai: true, human: false }, mid: { ai: true, human: false } },
      },
    ],
  };
};

interface JobFigures {
  runs: number;
  wallMs: number;
  cpuMs: number;
  /** Wall time until every engine slice was done (then the merge and storage). */
  slicesMs: number;
  /** The server's CPU time until every engine slice was done. */
  slicesCpuMs: number;
  /** Resident memory when the job was submitted (the peak is this job's: it starts again from here). */
  rssBeforeMb: number;
  peakRssMb: number;
  load: string;
}

const database = await createTempDb();
const org = await createOrgFixture(database.db, 'huge');
await insertEqualTeams(database.db, org.id, TEAMS);
const server = await startServer({
  DATABASE_URL: database.url,
  LOG_LEVEL: 'warn',
  FORECAST_JOB_TIMEOUT_MS: '1800000',
});
const pid = server.process.pid!;
const api = `${server.url}/api/v1/orgs/huge`;
const planner = bearer(org.tokens.planner);
const loadNow = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

/** Submits a job of `runs` runs and polls it over the API until it is done. */
async function job(scenarioId: string, runs: number): Promise<JobFigures> {
  const load = loadNow();
  resetPeakRss(pid);
  const rssBeforeMb = rssMb(pid);
  const cpuBefore = cpuMs(pid);
  const started = performance.now();
  const response = await sendJson(
    `${api}/scenarios/${scenarioId}/forecast-jobs`,
    'POST',
    { runs, horizon: WEEKS, seed: 42 },
    planner,
  );
  if (response.status !== 201) throw new Error(`job answered ${response.status}: ${await response.text()}`);
  const { id } = await response.json();
  let slicesMs = 0;
  let slicesCpuMs = 0;
  for (;;) {
    await sleep(1_000);
    const state = await (
      await fetch(`${api}/forecast-jobs/${id}`, { headers: { ...planner, connection: 'close' } })
    ).json();
    if (state.status === 'failed')
      throw new Error(`job of ${runs} runs failed: ${JSON.stringify(state.error)}`);
    if (!slicesMs && state.total > 0 && state.done === state.total) {
      slicesMs = performance.now() - started;
      slicesCpuMs = cpuMs(pid) - cpuBefore;
    }
    console.log(
      `${runs} runs: ${state.status} ${state.done}/${state.total}, RSS ${rssMb(pid).toFixed(0)} MB`,
    );
    if (state.status === 'done') break;
  }
  const wallMs = performance.now() - started;
  return {
    runs,
    wallMs,
    cpuMs: cpuMs(pid) - cpuBefore,
    slicesMs: slicesMs || wallMs,
    slicesCpuMs: slicesCpuMs || cpuMs(pid) - cpuBefore,
    rssBeforeMb,
    peakRssMb: peakRssMb(pid),
    load: `${load} -> ${loadNow()}`,
  };
}

try {
  const scenario = await (await sendJson(`${api}/scenarios`, 'POST', seedStory(new Date()), planner)).json();
  const baseline = await job(scenario.id, BASELINE_RUNS);
  const measured = await job(scenario.id, RUNS);
  const row = (name: string, f: JobFigures) => ({
    case: name,
    'wall s': Number((f.wallMs / 1000).toFixed(1)),
    'CPU s': Number((f.cpuMs / 1000).toFixed(1)),
    'engine slices s': Number((f.slicesMs / 1000).toFixed(1)),
    'merge + store s': Number(((f.wallMs - f.slicesMs) / 1000).toFixed(1)),
    'slices CPU s': Number((f.slicesCpuMs / 1000).toFixed(1)),
    'merge + store CPU s': Number(((f.cpuMs - f.slicesCpuMs) / 1000).toFixed(1)),
    'RSS before MB': Math.round(f.rssBeforeMb),
    'peak RSS MB': Math.round(f.peakRssMb),
    load: f.load,
  });
  const figures: FigureRow[] = [
    row(`baseline: ${BASELINE_RUNS}-run job, ${TEAMS} teams x ${WEEKS} weeks`, baseline),
    row(`${RUNS}-run job (target at 1,000 runs: <= 300 s wall, <= 2,048 MB RSS)`, measured),
  ];
  if (RUNS !== TARGET_RUNS && RUNS > BASELINE_RUNS) {
    const perRun = (a: number, b: number) => (b - a) / (RUNS - BASELINE_RUNS);
    const at = (a: number, b: number) => (a + perRun(a, b) * (TARGET_RUNS - BASELINE_RUNS)) / 1000;
    figures.push({
      case: `projected ${TARGET_RUNS}-run job: CPU as a fixed part + a part per run of the two jobs (wall: CPU over 2 cores at best)`,
      'wall s': Number((at(baseline.cpuMs, measured.cpuMs) / 2).toFixed(0)),
      'CPU s': Number(at(baseline.cpuMs, measured.cpuMs).toFixed(0)),
      'slices CPU s': Number(at(baseline.slicesCpuMs, measured.slicesCpuMs).toFixed(0)),
      'merge + store CPU s': Number(
        at(baseline.cpuMs - baseline.slicesCpuMs, measured.cpuMs - measured.slicesCpuMs).toFixed(0),
      ),
    });
  }
  console.table(figures);
  recordFigures(
    'scale-job',
    figures,
    `The real server process (dist/server/index.js, FORECAST_THREADS = every core: 2) on a temporary database; jobs submitted and polled (1 s) over the API, the ${BASELINE_RUNS}-run baseline first. CPU: user + system time of the server process (all threads). Peak RSS: the server's VmHWM during the job (reset when the job is submitted, so each job's own peak; engine threads included; no other processes); RSS before: resident when it was submitted. Engine slices: wall (and server CPU) time until done = total; merge + store: the rest. Wall figures move with the load; CPU is the steadier figure. Load: 1/5/15-minute load averages before -> after, 2 cores shared with other agents.`,
  );
} finally {
  await server.stop();
  database.cleanup();
}
