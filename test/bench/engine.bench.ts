/**
 * Engine benchmark: `npx tsx test/bench/engine.bench.ts` (or `npm run bench`). Prints one table:
 * mean path (100 teams x 104 weeks), Monte Carlo (1,000 runs x 100 teams x 52 weeks) against a
 * same-run floor that draws the same uniforms from the same generator and does nothing else, and
 * requiredServers at 10, 1,000 and 10,000 Erlangs. Every case is warmed up before timing.
 */

import { METRIC_COUNT } from '../../shared/engine/metrics';
import { rangedNames } from '../../shared/engine/model-params';
import { simulateRuns } from '../../shared/engine/monte-carlo';
import { PARAMETER_STREAM, streamRng } from '../../shared/engine/rng';
import { uniformsPerTeamWeek } from '../../shared/engine/step-week';
import { type ForecastInput, requiredServers, runMeanPath, runMonteCarlo } from '../../shared/index';
import { recordFigures } from './figures';
import { seedStoryInput } from './seed-story-input';

const TEAMS = 100;

/** 100 teams of 12 engineers under the seed story. */
const benchInput = (horizonWeeks: number, runs: number): ForecastInput =>
  seedStoryInput(TEAMS, { junior: 3, mid: 5, senior: 3, principal: 1 }, horizonWeeks, runs);

/** Best wall time in ms of `repeats` calls after `warmup` untimed calls (best, not median: the bench shares cores). */
const time = (warmup: number, repeats: number, run: () => unknown): number => {
  for (let i = 0; i < warmup; i++) run();
  const samples: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    run();
    samples.push(performance.now() - start);
  }
  return Math.min(...samples);
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

const rows: { name: string; ms: number; per: string }[] = [];
const ns = (ms: number, units: number) => `${((ms * 1e6) / units).toFixed(1)} ns`;

const mean = benchInput(104, 0);
const meanMs = time(30, 50, () => runMeanPath(mean));
rows.push({
  name: 'mean path 100 teams x 104 weeks (target <= 5 ms)',
  ms: meanMs,
  per: `${ns(meanMs, TEAMS * 104)} /team-week`,
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
const distinctMs = time(30, 50, () => runMeanPath(distinct));
rows.push({
  name: '  the same with 100 distinct teams (no twins)',
  ms: distinctMs,
  per: `${ns(distinctMs, TEAMS * 104)} /team-week`,
});

const mc = benchInput(52, 1000);
const warm = benchInput(52, 50);
const units = 1000 * TEAMS * 52;
for (let i = 0; i < 3; i++) runMonteCarlo(warm);
const mcMs = time(0, 3, () => runMonteCarlo(mc));
const floorMs = time(1, 3, () => floorLoop(mc));
const series = METRIC_COUNT + mc.org.levels.length;
const simulateMs = time(1, 3, () => simulateRuns(mc, { runStart: 0, runCount: 1000 }, () => {}));
rows.push({
  name: 'Monte Carlo 1,000 runs x 100 teams x 52 weeks (target <= 500 ms)',
  ms: mcMs,
  per: `${ns(mcMs, units)} /team-week-run`,
});
rows.push({
  name: '  of which the weekly model and org sums (no percentiles)',
  ms: simulateMs,
  per: `${ns(simulateMs, units)} /team-week-run`,
});
rows.push({
  name: `  of which P10/P50/P90 of ${series} series per team-week and org`,
  ms: mcMs - simulateMs,
  per: `${ns(mcMs - simulateMs, units * series)} /sample`,
});
rows.push({
  name: `floor: same ${uniformsPerTeamWeek(4)} uniforms per team-week, same generator`,
  ms: floorMs,
  per: `${ns(floorMs, units)} /team-week-run`,
});

/** The bench input with every team's weekly arrivals bursty at dispersion k. */
const bursty = (input: ForecastInput, k: number): ForecastInput => ({
  ...input,
  parameters: { ...input.parameters, arrivalDispersion: k },
});
const burstyMeanMs = time(10, 20, () => runMeanPath(bursty(mean, 0.3)));
rows.push({
  name: '  every team bursty (arrivalDispersion 0.3): mean path',
  ms: burstyMeanMs,
  per: `${(burstyMeanMs / meanMs).toFixed(2)} x the mean path`,
});
const hundred = benchInput(52, 100);
const hundredMs = time(1, 3, () => runMonteCarlo(hundred));
const burstyHundredMs = time(1, 3, () => runMonteCarlo(bursty(hundred, 0.3)));
rows.push({
  name: '  Monte Carlo 100 runs, every team bursty (0.3)',
  ms: burstyHundredMs,
  per: `${(burstyHundredMs / hundredMs).toFixed(2)} x the same 100 runs at 0 (${hundredMs.toFixed(0)} ms)`,
});

for (const traffic of [10, 1_000, 10_000]) {
  const solve = () =>
    requiredServers({ traffic, serviceTime: 1, targetTime: 0.2, serviceLevel: 0.8, maxOccupancy: 0.95 });
  const ms = time(20, 21, () => solve());
  rows.push({
    name: `requiredServers at ${traffic.toLocaleString('en')} Erlangs -> ${solve().servers} servers`,
    ms,
    per: `${ns(ms, 1)} /call`,
  });
}

const width = Math.max(...rows.map((row) => row.name.length));
console.log(`${'case'.padEnd(width)}  ${'best ms'.padStart(10)}  per unit`);
for (const row of rows)
  console.log(`${row.name.padEnd(width)}  ${row.ms.toFixed(3).padStart(10)}  ${row.per}`);
const ratio = `Monte Carlo / floor ratio: ${(mcMs / floorMs).toFixed(2)}x (target <= 3x, that is <= ${(3 * floorMs).toFixed(0)} ms)`;
console.log(ratio);
recordFigures(
  'engine',
  rows.map((row) => ({ case: row.name, 'best ms': Number(row.ms.toFixed(3)), 'per unit': row.per })),
  `Best of several timed runs after warm-up. ${ratio}.`,
);
