import type { Forecast, ForecastInput } from '../../shared';
import type { TeamRange } from '../../shared/engine/monte-carlo';
import type { HelperResponse } from './helper-protocol';
import {
  type MeanPlan,
  meanSeriesOf,
  meanSeriesRange,
  mergeMeanSeries,
  planMean,
  seriesLength,
} from './mean-range';
import type { WorkerStages } from './protocol';

const wallClock = () => performance.timeOrigin + performance.now();

/** `teams` split into at most `pieces` near-equal contiguous ranges, none empty. */
export const teamRanges = (teams: number, pieces: number): TeamRange[] => {
  const count = Math.max(1, Math.min(pieces, teams));
  return Array.from({ length: count }, (_, i) => {
    const teamStart = Math.floor((i * teams) / count);
    return { teamStart, teamCount: Math.floor(((i + 1) * teams) / count) - teamStart };
  });
};

/** A helper's range not in yet: the teams of it this worker has computed meanwhile, from its end. */
interface Missing {
  range: TeamRange;
  series: Float64Array;
  done: number;
}

/**
 * A mean-path job split by teams: the lead computes the first range, each helper one of the
 * others; all in, they are merged in team order (mergeMeanSeries), the forecast runMeanPath gives.
 */
interface SplitMean {
  job: number;
  input: ForecastInput;
  plan: MeanPlan;
  /** Series of the ranges in, by first team. */
  parts: Map<number, Float64Array>;
  /** Helpers' ranges not in yet, by first team. */
  missing: Map<number, Missing>;
  started: number;
  stages: Omit<WorkerStages, 'packed' | 'merged'>;
  /** Each helper's time computing its range, ms. */
  helperMs: number[];
}

/** What a finished split mean path gives its lead to post. */
export type Finished =
  | { job: number; forecast: Forecast; started: number; stages: Omit<WorkerStages, 'packed'> }
  | { job: number; failed: string };

/**
 * The lead's split mean-path jobs. Once its own range is done, the lead does not sit idle waiting
 * for late helpers (a helper on a busy machine may not get a core for a while): it computes their
 * teams itself, one team per task from the end of each range still missing, and takes whichever
 * comes first, the helper's range or its own copy. Both are the same series (the same code on the
 * same input), so the forecast is the same either way.
 */
export class SplitMeans {
  private readonly jobs = new Map<number, SplitMean>();
  private readonly steps = new MessageChannel();
  private stepping = false;

  constructor(private readonly finish: (finished: Finished) => void) {
    this.steps.port1.onmessage = () => this.step();
  }

  /** Stops the catching-up tasks' channel (a worker never needs to; a test does, to end). */
  close(): void {
    this.steps.port1.close();
  }

  has(job: number): boolean {
    return this.jobs.has(job);
  }

  /**
   * Starts job `job` on `input` split as `ranges` (the first one this worker's, the others already
   * sent to helpers): computes the first range now, then catches up on late helpers in later tasks.
   */
  start(
    job: number,
    input: ForecastInput,
    ranges: readonly TeamRange[],
    started: number,
    stages: Omit<WorkerStages, 'packed' | 'merged' | 'computed'>,
  ): void {
    const plan = planMean(input);
    const length = seriesLength(input);
    const own = meanSeriesRange(input, ranges[0]!, plan);
    const missing = new Map(
      ranges
        .slice(1)
        .map((range): [number, Missing] => [
          range.teamStart,
          { range, series: new Float64Array(range.teamCount * length), done: 0 },
        ]),
    );
    const mean: SplitMean = {
      job,
      input,
      plan,
      parts: new Map([[ranges[0]!.teamStart, own]]),
      missing,
      started,
      stages: { ...stages, computed: wallClock() },
      helperMs: [],
    };
    this.jobs.set(job, mean);
    this.done(mean);
  }

  /** A helper's answer: its range's series (unless this worker got there first), or why it failed (the job fails). */
  answer(message: HelperResponse): void {
    const mean = this.jobs.get(message.job);
    if (!mean) return;
    if (message.type === 'failed') {
      this.jobs.delete(mean.job);
      this.finish({ job: mean.job, failed: message.message });
    } else if (message.type === 'mean-series' && mean.missing.delete(message.teamStart)) {
      mean.parts.set(message.teamStart, message.series);
      mean.helperMs.push(message.ms);
      this.done(mean);
    }
  }

  /** Finishes `mean` if all its ranges are in, else keeps catching up on the missing ones. */
  private done(mean: SplitMean) {
    if (mean.missing.size > 0) {
      this.wake();
      return;
    }
    this.jobs.delete(mean.job);
    try {
      const ordered = [...mean.parts].sort(([a], [b]) => a - b).map(([, series]) => series);
      const forecast = mergeMeanSeries(mean.input, ordered);
      this.finish({
        job: mean.job,
        forecast,
        started: mean.started,
        stages: { ...mean.stages, merged: wallClock(), helperMs: mean.helperMs },
      });
    } catch (error) {
      this.finish({ job: mean.job, failed: String(error) });
    }
    if (this.jobs.size > 0) this.wake();
  }

  private wake() {
    if (this.stepping) return;
    this.stepping = true;
    this.steps.port2.postMessage(null);
  }

  /** One team of the oldest job's most-behind missing range, computed here; then the next task. */
  private step() {
    this.stepping = false;
    const mean = this.jobs.values().next().value;
    if (!mean) return;
    const behind = [...mean.missing.values()].sort(
      (a, b) => b.range.teamCount - b.done - (a.range.teamCount - a.done),
    )[0];
    if (!behind) return;
    const length = seriesLength(mean.input);
    const i = behind.range.teamCount - 1 - behind.done;
    behind.series.set(meanSeriesOf(mean.plan, behind.range.teamStart + i), i * length);
    behind.done += 1;
    if (behind.done === behind.range.teamCount) {
      mean.missing.delete(behind.range.teamStart);
      mean.parts.set(behind.range.teamStart, behind.series);
    }
    this.done(mean);
  }
}
