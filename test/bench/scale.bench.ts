/**
 * Scale benchmark: `npx tsx test/bench/scale.bench.ts` (or `npm run bench`). One Monte Carlo
 * forecast (100 teams x 52 weeks) through the engine pool on one thread (the same-run baseline)
 * and split over two threads (same bytes, checked); the mean path of an org of 10,000 teams
 * (100,000 engineers), the engine alone on this thread, then as the server computes and stores it
 * (the pool's stored result: rounded bands, answers, report rows, gzipped team chunks) on one
 * thread and split over two (same bytes, checked), and where that time goes (each step of the
 * stored mean path timed alone on this thread); then the set-up a Monte Carlo team slice of
 * 10,000 teams pays, with each slice given its own copy of the input (the same-run baseline)
 * and with the slices sharing one. The machine's cores are shared with other
 * work: figures are noisy, and CPU time (all threads of this process) says more than wall.
 */
import { loadavg } from 'node:os';
import { ForecastPool } from '../../server/services/forecast-pool';
import { capacityRows, teamSummary } from '../../server/services/forecast-summary';
import { packTeams } from '../../server/services/series-chunks';
import {
  answerContext,
  anyBreach,
  assembleTeams,
  type ForecastInput,
  meanSliceRange,
  planSlices,
  roundedMeanBands,
  runMeanPath,
  teamAnswers,
  teamLayoffHeadroom,
  teamReviewersNeeded,
} from '../../shared/index';
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
const equalStored = await onPool(1, big);
const distinct = timed(() => runMeanPath(calibrated(big)));
const stored = { load: loadavg()[0]!.toFixed(1), one: await onPool(1, calibrated(big)) };
const storedTwo = await onPool(2, calibrated(big));
if (!storedTwo.bytes.equals(stored.one.bytes))
  throw new Error('the split mean path differs from the one-thread mean path');

/**
 * Where the stored mean path's time goes, on this thread: the steps of shapeMeanSlice for all
 * 10,000 teams as one slice (as a pool of one thread runs them), each timed alone.
 */
const stages = (input: ForecastInput) => {
  const load = loadavg()[0]!.toFixed(1);
  const slice = planSlices(input, 1)[0]!;
  let ctx = answerContext(input);
  const compile = timed(() => {
    ctx = answerContext(input);
  });
  let range = meanSliceRange(ctx, slice);
  const engine = timed(() => {
    range = meanSliceRange(ctx, slice);
  });
  let teams = assembleTeams(input, range.bands, ctx.weeks, 0);
  const assemble = timed(() => {
    teams = assembleTeams(input, range.bands, ctx.weeks, 0).map((team) => ({
      ...team,
      metrics: roundedMeanBands(team.metrics),
    }));
  });
  const levels = input.org.levels.map((level) => level.id);
  const answers = timed(() => {
    const needed = range.series.map((own, i) => teamReviewersNeeded(ctx, i, own));
    const headroom = teams.map((team, i) => teamLayoffHeadroom(ctx, i, anyBreach(team.breaches)));
    const answered = teamAnswers({ weeks: ctx.weeks, teams }, input.options.thresholds, needed, headroom);
    teamSummary(teams, needed, answered);
    capacityRows({ levels, teams }, input.org.teams, answered);
  });
  const chunks = timed(() => packTeams(teams));
  return { load, compile, engine, assemble, answers, chunks };
};

/**
 * CPU of the first `count` team slices (256 teams x all runs) of a Monte Carlo input on a pool of
 * one thread, each slice given `inputOf(i)`: the same object (its slices share one serialised
 * copy, parsed and compiled once on the thread) or a copy of its own (each slice parsed and
 * compiled again, as every slice was before the input was shared; copies made before timing).
 */
async function teamSlices(input: ForecastInput, count: number, shared: boolean) {
  const pool = new ForecastPool({ threads: 1, maxQueue: 0, timeoutMs: 3_600_000, sampleBudgetBytes: 0 });
  try {
    await pool.run(orgInput(2, 4));
    const slices = pool.plan(input, 1).slice(0, count);
    const inputs = slices.map(() => (shared ? input : structuredClone(input)));
    const load = loadavg()[0]!.toFixed(1);
    const cpu = process.cpuUsage();
    const start = performance.now();
    for (const [i, slice] of slices.entries()) await pool.slice(inputs[i]!, slice);
    const used = process.cpuUsage(cpu);
    return { ms: performance.now() - start, cpuMs: (used.user + used.system) / 1000, load };
  } finally {
    await pool.close();
  }
}

const steps = stages(calibrated(big));
const SLICES = 8;
const oneRun = calibrated(orgInput(10_000, 1));
const ownCopies = await teamSlices(oneRun, SLICES, false);
const sharedInput = await teamSlices(oneRun, SLICES, true);

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
    case: '  the same as stored by the server (answers, report, gzipped chunks), pool of 1 thread (every team a twin of the first)',
    'wall ms': Math.round(equalStored.ms),
    'CPU ms': Math.round(equalStored.cpuMs),
    'per unit': `${((equalStored.cpuMs * 1e6) / (10_000 * 52)).toFixed(0)} ns CPU /team-week`,
    load: equalStored.load,
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
  ...(
    [
      ['compiling the input (timeline, central parameters, week dates)', steps.compile],
      ['the engine: series, bands and chunk sums of every team (meanSliceRange)', steps.engine],
      ['teams assembled (first breaches) and rounded to six digits', steps.assemble],
      ['answers: reviewers needed, layoff headroom, team answers, summary lists, report rows', steps.answers],
      ['team chunks and digests: JSON text and gzip (packTeams)', steps.chunks],
    ] as const
  ).map(([what, step]) => ({
    case: `    of which, one slice of all teams on this thread: ${what}`,
    'wall ms': Math.round(step.ms),
    'CPU ms': Math.round(step.cpuMs),
    'per unit': `${((step.cpuMs * 1e6) / (10_000 * 52)).toFixed(0)} ns CPU /team-week`,
    load: steps.load,
  })),
  {
    case: `Monte Carlo 1 run x 10,000 teams (own rates), first ${SLICES} team slices of 256 on 1 thread, each with a copy of the input of its own (baseline: parsed and compiled per slice)`,
    'wall ms': Math.round(ownCopies.ms),
    'CPU ms': Math.round(ownCopies.cpuMs),
    'per unit': `${(ownCopies.cpuMs / SLICES).toFixed(0)} ms CPU /slice`,
    load: ownCopies.load,
  },
  {
    case: '  the same slices sharing one input (serialised once, parsed and compiled once on the thread)',
    'wall ms': Math.round(sharedInput.ms),
    'CPU ms': Math.round(sharedInput.cpuMs),
    'per unit': `${(sharedInput.cpuMs / SLICES).toFixed(0)} ms CPU /slice, ${((ownCopies.cpuMs - sharedInput.cpuMs) / SLICES).toFixed(0)} ms less`,
    load: sharedInput.load,
  },
];
console.table(rows);
recordFigures(
  'scale',
  rows,
  'Measured on 2 cores shared with other agents at the same time: noisy, and the split can only win when the second core is free.',
);
