import { afterEach, describe, expect, it } from 'vitest';
import { ProblemError } from '../../server/errors';
import { shapeResult } from '../../server/services/engine-tasks';
import { ForecastPool, type ForecastPoolOptions } from '../../server/services/forecast-pool';
import { parseTeamChunk } from '../../server/services/series-chunks';
import { type ForecastInput, forecastInputSchema, runForecast } from '../../shared/index';
import { inputWith, storyEvents, teamsOf } from '../shared/fixtures';

const stub = new URL('../helpers/stub-forecast-worker.mjs', import.meta.url);

let pool: ForecastPool | undefined;
afterEach(async () => {
  await pool?.close();
  pool = undefined;
});

/** A pool on the test worker: the engine after `delayMs`; the first `exits` runs end their thread instead. */
function stubPool(options: Partial<ForecastPoolOptions> & { delayMs: number; exits?: number }) {
  const exits = new Int32Array(new SharedArrayBuffer(4));
  exits[0] = options.exits ?? 0;
  pool = new ForecastPool(
    { threads: 1, maxQueue: 0, timeoutMs: 10_000, ...options },
    { filename: stub, workerData: { delayMs: options.delayMs, exits } },
  );
  return pool;
}

/** A small input forecasting `weeks` weeks, so each answer tells which run it belongs to. */
const input = (weeks: number): ForecastInput =>
  forecastInputSchema.parse(inputWith([], { horizonWeeks: weeks }));
const weeksOf = (result: { headJson: string }): number => JSON.parse(result.headJson).weeks.length;

/** The ProblemError a promise rejects with (fails the test when it resolves or throws another error). */
async function problemOf(promise: Promise<unknown>): Promise<ProblemError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProblemError);
  return error as ProblemError;
}

describe('forecast pool', () => {
  it('runs the real engine worker and answers the series, summary and report', async () => {
    pool = new ForecastPool({ threads: 1, maxQueue: 0, timeoutMs: 60_000 });
    const result = await pool.run(input(4));
    expect(result.teamChunks).toHaveLength(1);
    expect((await parseTeamChunk(result.teamChunks[0]!)).map((t) => t.id)).toEqual([
      'team-0',
      'team-1',
      'team-2',
    ]);
    expect(result.report).toHaveLength(3);
  });

  it('splits a Monte Carlo forecast over idle threads and answers the bytes of one thread', async () => {
    pool = new ForecastPool({ threads: 3, maxQueue: 0, timeoutMs: 60_000 });
    const whole = forecastInputSchema.parse(inputWith(storyEvents, { runs: 30, horizonWeeks: 6 }));
    const result = await pool.run(whole);
    expect(pool.completedTasks).toBe(4);
    expect(result).toEqual(shapeResult(whole, runForecast(whole)));
  });

  it('splits the mean path of an org of three chunks over idle threads, shaped where computed, into the bytes of one thread', async () => {
    // Mid-level rates from 0.5 to 3.5 a week: some teams absorb a layoff, the busiest breach uncut.
    const teams = teamsOf(600).map((team, i) => ({ ...team, changesPerWeek: { mid: 0.5 + i / 200 } }));
    const whole = forecastInputSchema.parse(inputWith(storyEvents, { runs: 0, horizonWeeks: 6 }, teams));
    pool = new ForecastPool({ threads: 1, maxQueue: 0, timeoutMs: 120_000 });
    const one = await pool.run(whole);
    expect(pool.completedTasks).toBe(1);
    await pool.close();
    pool = new ForecastPool({ threads: 3, maxQueue: 0, timeoutMs: 120_000 });
    const split = await pool.run(whole);
    expect(pool.completedTasks).toBe(3); // three slices; their merge is the calling thread's
    expect(split.headJson).toBe(one.headJson);
    expect(Buffer.concat(split.teamChunks).equals(Buffer.concat(one.teamChunks))).toBe(true);
    expect(split.teamChunks.map((chunk) => chunk.byteLength)).toEqual(
      one.teamChunks.map((chunk) => chunk.byteLength),
    );
    expect(JSON.stringify([split.summary, split.report])).toBe(JSON.stringify([one.summary, one.report]));
    const headroom = new Set(one.report.map((row) => row.maxLayoffPercent === null));
    expect(headroom).toEqual(new Set([true, false]));
    // Each slice shapes its own teams; the whole forecast shaped at once is the reference.
    expect(one).toEqual(shapeResult(whole, runForecast(whole)));
  }, 120_000);

  it('splits a Monte Carlo forecast by teams, each slice shaped where it ran, into the bytes of one thread', async () => {
    // A sample budget of 0 bytes splits any Monte Carlo forecast by teams: 600 teams are slices of 256, 256 and 88.
    const teams = teamsOf(600).map((team, i) => ({ ...team, changesPerWeek: { mid: 0.5 + i / 200 } }));
    const whole = forecastInputSchema.parse(inputWith(storyEvents, { runs: 20, horizonWeeks: 6 }, teams));
    pool = new ForecastPool({ threads: 2, maxQueue: 0, timeoutMs: 120_000, sampleBudgetBytes: 0 });
    const progress: number[] = [];
    const split = await pool.run(whole, { pieces: 2, onProgress: (done) => progress.push(done) });
    expect(progress).toEqual([0, 1, 2, 3]);
    expect(pool.completedTasks).toBe(3); // three slices; their merge is the calling thread's
    const one = shapeResult(whole, runForecast(whole));
    expect(split.headJson).toBe(one.headJson);
    expect(split.teamChunks.map((chunk) => chunk.byteLength)).toEqual(
      one.teamChunks.map((chunk) => chunk.byteLength),
    );
    expect(Buffer.concat(split.teamChunks).equals(Buffer.concat(one.teamChunks))).toBe(true);
    expect(JSON.stringify([split.summary, split.report])).toBe(JSON.stringify([one.summary, one.report]));
    expect(split.teamChunks).toHaveLength(3);
    expect(new Set(one.report.map((row) => row.maxLayoffPercent === null))).toEqual(new Set([true, false]));
  }, 120_000);

  it("gives twins (teams of the same inputs) their first twin's reviewers needed and layoff headroom under their own ids, as the whole forecast shaped at once", async () => {
    // 300 teams in four sets of twins, mid-level rates 0.5 to 3.5 a week: some absorb a layoff, some breach uncut.
    const teams = teamsOf(300).map((team, i) => ({ ...team, changesPerWeek: { mid: 0.5 + (i % 4) } }));
    pool = new ForecastPool({ threads: 2, maxQueue: 0, timeoutMs: 120_000, sampleBudgetBytes: 0 });
    for (const runs of [0, 20]) {
      const whole = forecastInputSchema.parse(inputWith(storyEvents, { runs, horizonWeeks: 6 }, teams));
      const split = await pool.run(whole, { pieces: 2 });
      const one = shapeResult(whole, runForecast(whole));
      expect(split.headJson).toBe(one.headJson);
      expect(Buffer.concat(split.teamChunks).equals(Buffer.concat(one.teamChunks))).toBe(true);
      expect(JSON.stringify([split.summary, split.report])).toBe(JSON.stringify([one.summary, one.report]));
      expect(split.report.slice(0, 4).map((row) => [row.teamId, row.maxLayoffPercent === null])).toEqual([
        ['team-0', false],
        ['team-1', false],
        ['team-2', false],
        ['team-3', true],
      ]);
      expect(split.summary.reviewersNeeded[297]).toEqual({
        ...split.summary.reviewersNeeded[1],
        teamId: 'team-297',
        name: 'Team 297',
      });
    }
  }, 120_000);

  it('lets `threads` run and `maxQueue` wait, and refuses one more at once with 503 and Retry-After', async () => {
    const p = stubPool({ threads: 2, maxQueue: 1, delayMs: 300 });
    const accepted = [1, 2, 3].map((n) => p.run(input(n)));
    const refused = await problemOf(p.run(input(4)));
    expect(refused.status).toBe(503);
    expect(refused.headers).toEqual({ 'retry-after': '5' });
    expect(refused.detail).toBe('All 2 forecast workers are busy and 1 forecasts wait; retry shortly.');
    const answers = await Promise.all(accepted);
    expect(answers.map(weeksOf)).toEqual([1, 2, 3]);
    expect(weeksOf(await p.run(input(5)))).toBe(5);
  });

  it('fails a run that outlasts timeoutMs with 503 and Retry-After, without waiting for it', async () => {
    const p = stubPool({ timeoutMs: 200, delayMs: 5_000 });
    const started = Date.now();
    const timedOut = await problemOf(p.run(input(1)));
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(timedOut.status).toBe(503);
    expect(timedOut.detail).toBe('The forecast did not finish within 200 ms.');
    expect(timedOut.headers).toEqual({ 'retry-after': '5' });
  });

  it('abandons a run when its signal aborts, freeing the thread for the next run', async () => {
    const p = stubPool({ delayMs: 400 });
    const caller = new AbortController();
    const abandoned = p.run(input(1), { signal: caller.signal });
    setTimeout(() => caller.abort(), 50);
    const error = await problemOf(abandoned);
    expect(error.detail).toBe('The forecast was cancelled: the client went away.');
    expect(weeksOf(await p.run(input(2)))).toBe(2);
  });

  it('fails only the run whose worker exited, and runs the next one on a new thread', async () => {
    const p = stubPool({ delayMs: 10, exits: 1 });
    await expect(p.run(input(1))).rejects.toThrow();
    expect(weeksOf(await p.run(input(2)))).toBe(2);
  });
});
