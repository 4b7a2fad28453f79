/**
 * Engine benchmark: `npx tsx test/bench/engine.bench.ts` (or `npm run bench`). Prints one table:
 * mean path (100 teams x 104 weeks), Monte Carlo (1,000 runs x 100 teams x 52 weeks) on one core
 * and split over two worker threads, against a same-run floor that draws the same uniforms from
 * the same generator and does nothing else, and requiredServers at 10, 1,000 and 10,000 Erlangs.
 * Every case is warmed up before timing. Each row gives the best wall time and the process's CPU
 * time (user + system, all threads) in that same sample: the cores are shared with other work,
 * which inflates wall time far more than CPU time; the load average is printed with the table.
 */

import { loadavg } from 'node:os';
import { METRIC_COUNT } from '../../shared/engine/metrics';
import { rangedNames } from '../../shared/engine/model-params';
import { simulateRuns } from '../../shared/engine/monte-carlo';
import { PARAMETER_STREAM, streamRng } from '../../shared/engine/rng';
import { uniformsPerTeamWeek } from '../../shared/engine/step-week';
import { type ForecastInput, requiredServers, runMeanPath, runMonteCarlo } from '../../shared/index';
import { startSliceThreads } from './engine-threads';
import { recordFigures } from './figures';
import { seedStoryInput } from './seed-story-input';

const TEAMS = 100;

/** 100 teams of 12 engineers under the seed story. */
const benchInput = (horizonWeeks: number, runs: number): ForecastInput =>
  seedStoryInput(TEAMS, { junior: 3, mid: 5, senior: 3, principal: 1 }, horizonWeeks, runs);

/** Wall and CPU time (ms) of one sample. */
interface Timing {
  ms: number;
  cpuMs: number;
}

const cpuNow = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/** The sample with the best wall time of `repeats` calls after `warmup` untimed calls (best, not median: the bench shares cores). */
const timeAsync = async (warmup: number, repeats: number, run: () => unknown): Promise<Timing> => {
  for (let i = 0; i < warmup; i++) await run();
  let best: Timing = { ms: Number.POSITIVE_INFINITY, cpuMs: 0 };
  for (let i = 0; i < repeats; i++) {
    const cpu = cpuNow();
    const start = performance.now();
    await run();
    const ms = performance.now() - start;
    if (ms < best.ms) best = { ms, cpuMs: cpuNow() - cpu };
  }
  return best;
};

/** {@link timeAsync} of a synchronous call. */
const time = (warmup: number, repeats: number, run: () => unknown): Timing => {
  for (let i = 0; i < warmup; i++) run();
  let best: Timing = { ms: Number.POSITIVE_INFINITY, cpuMs: 0 };
  for (let i = 0; i < repeats; i++) {
    const cpu = cpuNow();
    const start = performance.now();
    run();
    const ms = performance.now() - start;
    if (ms < best.ms) best = { ms, cpuMs: cpuNow() - cpu };
  }
  return best;
};

/**
 * Calls `a` and `b` alternately, `repeats` times each after a warm-up call of each, so a change
 * in the machine's load falls on both alike: the best sample of each, and of their paired
 * differences (a's sample less the b sample run right after it) the median.
 */
const timePaired = (repeats: number, a: () => unknown, b: () => unknown) => {
  a();
  b();
  const samples = { a: [] as Timing[], b: [] as Timing[] };
  for (let i = 0; i < repeats; i++) {
    samples.a.push(time(0, 1, a));
    samples.b.push(time(0, 1, b));
  }
  const best = (list: Timing[]) => list.reduce((x, y) => (y.ms < x.ms ? y : x));
  const median = (values: number[]) => values.sort((x, y) => x - y)[Math.floor(values.length / 2)]!;
  return {
    a: best(samples.a),
    b: best(samples.b),
    difference: {
      ms: median(samples.a.map((s, i) => s.ms - samples.b[i]!.ms)),
      cpuMs: median(samples.a.map((s, i) => s.cpuMs - samples.b[i]!.cpuMs)),
    },
  };
};

/**
 * The floor: the uniforms Monte Carlo draws, from the same generators in the same order
 * (per-run parameters; then per team, week and run), summed and nothing else.
 */
const floorLoop = (input: ForecastInput): number => {
  const { runs, seed, horizonWeeks } = input.options;
  const perRun = rangedNames(input.parameters).length;
  const perWeek = uniformsPerTeamWeek(input.org.levels.length);
  let sum = 0;
  for (let r = 0; r < runs; r++) {
    const params = streamRng(seed, r, PARAMETER_STREAM);
    for (let i = 0; i < perRun; i++) sum += params.next();
  }
  for (let t = 0; t < TEAMS; t++) {
    const rngs = Array.from({ length: runs }, (_, r) => streamRng(seed, r, t));
    for (let w = 0; w < horizonWeeks; w++) {
      for (const rng of rngs) for (let i = 0; i < perWeek; i++) sum += rng.next();
    }
  }
  return sum;
};

const rows: { name: string; timing: Timing; per: string }[] = [];
const ns = (ms: number, units: number) => `${((ms * 1e6) / units).toFixed(1)} ns`;
const loadBefore = loadavg();

const mean = benchInput(104, 0);
const meanTime = time(30, 50, () => runMeanPath(mean));
rows.push({
  name: 'mean path 100 teams x 104 weeks (target <= 5 ms)',
  timing: meanTime,
  per: `${ns(meanTime.ms, TEAMS * 104)} /team-week`,
});
/** The same org with every team staffed differently, so no team is another's twin (mean-path.ts computes twins once). */
const distinct: ForecastInput = {
  ...mean,
  org: {
    ...mean.org,
    teams: mean.org.teams.map((team, i) => ({
      ...team,
      headcount: {
        junior: 1 + (i % 10),
        mid: 2 + Math.floor(i / 10),
        senior: 2 + (i % 7),
        principal: 1 + (i % 3),
      },
    })),
  },
};
const distinctTime = time(30, 50, () => runMeanPath(distinct));
rows.push({
  name: '  the same with 100 distinct teams (no twins)',
  timing: distinctTime,
  per: `${ns(distinctTime.ms, TEAMS * 104)} /team-week`,
});

const mc = benchInput(52, 1000);
const warm = benchInput(52, 50);
const units = 1000 * TEAMS * 52;
for (let i = 0; i < 3; i++) runMonteCarlo(warm);
const floorTime = time(1, 3, () => floorLoop(mc));
const series = METRIC_COUNT + mc.org.levels.length;
// Monte Carlo with and without its percentiles, alternately: the percentiles are their difference.
const paired = timePaired(
  3,
  () => runMonteCarlo(mc),
  () => simulateRuns(mc, { runStart: 0, runCount: 1000 }, () => {}),
);
const mcTime = paired.a;
const simulateTime = paired.b;
rows.push({
  name: 'Monte Carlo 1,000 runs x 100 teams x 52 weeks, one core (target <= 900 ms)',
  timing: mcTime,
  per: `${ns(mcTime.ms, units)} /team-week-run`,
});
rows.push({
  name: '  of which the weekly model and org sums (no percentiles)',
  timing: simulateTime,
  per: `${ns(simulateTime.ms, units)} /team-week-run`,
});
const bandsTime = paired.difference;
rows.push({
  name: `  of which P10/P50/P90 of ${series} series per team-week and org (median of paired differences)`,
  timing: bandsTime,
  per: `${ns(bandsTime.ms, units * series)} /sample`,
});

const THREADS = 2;
const threads = await startSliceThreads(THREADS);
try {
  for (let i = 0; i < 3; i++) await threads.run(warm);
  const split = await threads.run(mc);
  if (JSON.stringify(split) !== JSON.stringify(runMonteCarlo(mc)))
    throw new Error('the forecast split over threads differs from the one-core forecast');
  const splitTime = await timeAsync(0, 3, () => threads.run(mc));
  rows.push({
    name: `  the same on ${THREADS} worker threads, ${THREADS} run slices merged (same bytes; target <= 500 ms)`,
    timing: splitTime,
    per: `${(mcTime.ms / splitTime.ms).toFixed(2)}x the one-core speed`,
  });
} finally {
  await threads.close();
}
rows.push({
  name: `floor: same ${uniformsPerTeamWeek(4)} uniforms per team-week, same generator`,
  timing: floorTime,
  per: `${ns(floorTime.ms, units)} /team-week-run`,
});

/** The bench input with every team's weekly arrivals bursty at dispersion k. */
const bursty = (input: ForecastInput, k: number): ForecastInput => ({
  ...input,
  parameters: { ...input.parameters, arrivalDispersion: k },
});
const burstyMeanTime = time(10, 20, () => runMeanPath(bursty(mean, 0.3)));
rows.push({
  name: '  every team bursty (arrivalDispersion 0.3): mean path',
  timing: burstyMeanTime,
  per: `${(burstyMeanTime.ms / meanTime.ms).toFixed(2)} x the mean path`,
});
/** The twins above compute one team: the same with distinct teams shows what bursty weeks cost per team. */
const burstyDistinctTime = time(2, 5, () => runMeanPath(bursty(distinct, 0.3)));
rows.push({
  name: '  100 distinct teams, every team bursty (0.3): mean path',
  timing: burstyDistinctTime,
  per: `${(burstyDistinctTime.ms / distinctTime.ms).toFixed(2)} x the distinct mean path`,
});
const hundred = benchInput(52, 100);
const hundredTime = time(1, 3, () => runMonteCarlo(hundred));
const burstyHundredTime = time(1, 3, () => runMonteCarlo(bursty(hundred, 0.3)));
rows.push({
  name: '  Monte Carlo 100 runs, every team bursty (0.3)',
  timing: burstyHundredTime,
  per: `${(burstyHundredTime.ms / hundredTime.ms).toFixed(2)} x the same 100 runs at 0 (${hundredTime.ms.toFixed(0)} ms)`,
});

for (const traffic of [10, 1_000, 10_000]) {
  const solve = () =>
    requiredServers({ traffic, serviceTime: 1, targetTime: 0.2, serviceLevel: 0.8, maxOccupancy: 0.95 });
  const timing = time(20, 21, () => solve());
  rows.push({
    name: `requiredServers at ${traffic.toLocaleString('en')} Erlangs -> ${solve().servers} servers`,
    timing,
    per: `${ns(timing.ms, 1)} /call`,
  });
}

const load = (averages: number[]) => averages.map((a) => a.toFixed(2)).join(' ');
const loads = `load average (1, 5, 15 min) ${load(loadBefore)} -> ${load(loadavg())} on 2 shared cores`;
const width = Math.max(...rows.map((row) => row.name.length));
console.log(`${'case'.padEnd(width)}  ${'best ms'.padStart(10)}  ${'cpu ms'.padStart(10)}  per unit`);
for (const { name, timing, per } of rows)
  console.log(
    `${name.padEnd(width)}  ${timing.ms.toFixed(3).padStart(10)}  ${timing.cpuMs.toFixed(1).padStart(10)}  ${per}`,
  );
const ratio = `Monte Carlo (one core) / floor ratio: ${(mcTime.ms / floorTime.ms).toFixed(2)}x (target <= 3x, that is <= ${(3 * floorTime.ms).toFixed(0)} ms)`;
console.log(`${ratio}\n${loads}`);
recordFigures(
  'engine',
  rows.map(({ name, timing, per }) => ({
    case: name,
    'best ms': Number(timing.ms.toFixed(3)),
    'cpu ms': Number(timing.cpuMs.toFixed(1)),
    'per unit': per,
  })),
  `Best of several timed runs after warm-up; cpu ms is the process's user + system time (all threads) in that same run. ${ratio}. ${loads}.`,
);
