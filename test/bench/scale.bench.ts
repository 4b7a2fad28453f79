/**
 * Scale benchmark: `npx tsx test/bench/scale.bench.ts` (or `npm run bench`). One Monte Carlo
 * forecast (100 teams x 52 weeks) through the engine pool on one thread (the same-run baseline)
 * and split over two threads (same bytes, checked); the mean path of an org of 10,000 teams
 * (100,000 engineers), the engine alone on this thread, then as the server computes and stores it
 * (the pool's stored result: rounded bands, answers, report rows, gzipped team chunks) on one
 * thread and split over two (same bytes, checked). The machine's cores are shared with other
 * work: figures are noisy, and CPU time (all threads of this process) says more than wall.
 */
import { loadavg } from 'node:os';
import { ForecastPool } from '../../server/services/forecast-pool';
import { type ForecastInput, runMeanPath } from '../../shared/index';
import { type FigureRow, recordFigures } from './figures';
import { seedStoryInput } from './seed-story-input';

const RUNS = 200;

/** `teams` teams of 10 engineers under the seed story (10,000 teams: 100,000 engineers). */
const orgInput = (teams: number, runs: number): ForecastInput =>
  seedStoryInput(teams, { junior: 2, mid: 4, senior: 3, principal: 1 }, 52, runs);

/** Wall and CPU time (this process, every thread) of one forecast on a pool of `threads` threads, after a warm-up forecast started every thread. */
async function onPool(threads: number, input: ForecastInput) {
  const pool = new ForecastPool({ threads, maxQueue: 0, timeoutMs: 3_600_000 });
  try {
    await pool.run(orgInput(2, 4), { pieces: threads });
    const cpu = process.cpuUsage();
    const start = performance.now();
    const result = await pool.run(input);
    const used = process.cpuUsage(cpu);
    return {
      ms: performance.now() - start,
      cpuMs: (used.user + used.system) / 1000,
      load: loadavg()[0]!.toFixed(1),
      bytes: Buffer.concat([
        Buffer.from(result.headJson),
        ...result.teamChunks,
        Buffer.from(JSON.stringify([result.summary, result.report])),
      ]),
    };
  } finally {
    await pool.close();
  }
}

const input = orgInput(100, RUNS);
const one = await onPool(1, input);
const two = await onPool(2, input);
if (!two.bytes.equals(one.bytes)) throw new Error('the split forecast differs from the one-thread forecast');
/**
 * `input` as an org calibrated from its history gives it: each team its own rate of changes per
 * mid-level engineer (within 10% of the level's), so no team is another's twin (mean-path.ts
 * computes twins once, and the 10,000 equal teams above are all twins).
 */
const calibrated = (input: ForecastInput): ForecastInput => {
  const mid = input.org.levels.find((level) => level.id === 'mid')!.changesPerWeek;
  const count = input.org.teams.length;
  const teams = input.org.teams.map((team, i) => ({
    ...team,
    changesPerWeek: { ...team.changesPerWeek, mid: mid * (0.9 + (0.2 * i) / count) },
  }));
  return { ...input, org: { ...input.org, teams } };
};

/** Wall and CPU ms of `f` on this thread. */
const timed = (f: () => void) => {
  const cpu = process.cpuUsage();
  const start = performance.now();
  f();
  const used = process.cpuUsage(cpu);
  return { ms: performance.now() - start, cpuMs: (used.user + used.system) / 1000 };
};

const big = orgInput(10_000, 0);
runMeanPath(orgInput(100, 0));
const meanLoad = loadavg()[0]!.toFixed(1);
const mean = timed(() => runMeanPath(big));
const distinct = timed(() => runMeanPath(calibrated(big)));
const stored = { load: loadavg()[0]!.toFixed(1), one: await onPool(1, calibrated(big)) };
const storedTwo = await onPool(2, calibrated(big));
if (!storedTwo.bytes.equals(stored.one.bytes))
  throw new Error('the split mean path differs from the one-thread mean path');

const teamWeekRuns = 100 * 52 * RUNS;
const rows: FigureRow[] = [
  {
    case: `Monte Carlo ${RUNS} runs x 100 teams x 52 weeks, pool of 1 thread (baseline)`,
    'wall ms': Math.round(one.ms),
    'per unit': `${((one.ms * 1e6) / teamWeekRuns).toFixed(0)} ns /team-week-run`,
    'CPU ms': Math.round(one.cpuMs),
    load: one.load,
  },
  {
    case: `same, pool of 2 threads, split into 2 slices (same bytes)`,
    'wall ms': Math.round(two.ms),
    'per unit': `${(one.ms / two.ms).toFixed(2)}x the baseline's speed`,
    'CPU ms': Math.round(two.cpuMs),
    load: two.load,
  },
  {
    case: 'mean path 10,000 equal teams (100,000 engineers) x 52 weeks, engine only (target <= 1,000 ms)',
    'wall ms': Math.round(mean.ms),
    'CPU ms': Math.round(mean.cpuMs),
    'per unit': `${((mean.ms * 1e6) / (10_000 * 52)).toFixed(0)} ns /team-week`,
    load: meanLoad,
  },
  {
    case: '  the same with a change rate of its own per team (no twins, as calibrated from history)',
    'wall ms': Math.round(distinct.ms),
    'CPU ms': Math.round(distinct.cpuMs),
    'per unit': `${((distinct.ms * 1e6) / (10_000 * 52)).toFixed(0)} ns /team-week`,
    load: stored.load,
  },
  {
    case: '  the same as stored by the server (answers, report, gzipped chunks), pool of 1 thread',
    'wall ms': Math.round(stored.one.ms),
    'CPU ms': Math.round(stored.one.cpuMs),
    'per unit': `${((stored.one.cpuMs * 1e6) / (10_000 * 52)).toFixed(0)} ns CPU /team-week`,
    load: stored.one.load,
  },
  {
    case: '  the same, pool of 2 threads, split into 2 ranges of 256-team chunks (same bytes)',
    'wall ms': Math.round(storedTwo.ms),
    'CPU ms': Math.round(storedTwo.cpuMs),
    'per unit': `${(stored.one.ms / storedTwo.ms).toFixed(2)}x the 1-thread wall speed`,
    load: storedTwo.load,
  },
];
console.table(rows);
recordFigures(
  'scale',
  rows,
  'Measured on 2 cores shared with other agents at the same time: noisy, and the split can only win when the second core is free.',
);
