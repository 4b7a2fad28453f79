import { Piscina } from 'piscina';
import { type ForecastInput, planSlices, SAMPLE_BUDGET_BYTES, type Slice } from '../../shared/index';
import { forecastCancelled, ProblemError } from '../errors';
import {
  type EnginePart,
  type EngineResult,
  type EngineTask,
  partBuffers,
  type RunsPart,
} from './engine-tasks';
import { ShapedMerger } from './shaped-merger';
import type { ShapedPart } from './shaped-part';
import { type SharedInput, shareInput } from './shared-input';

export type { EngineResult } from './engine-tasks';

/** How one forecast runs: who may cancel it, who hears its progress, into how many slices it splits. */
export interface RunControl {
  /** Aborts the run (e.g. the client went away). */
  signal?: AbortSignal | undefined;
  /** Hears `done` of `total` slices finished (the merge is not counted). */
  onProgress?: ((done: number, total: number) => void) | undefined;
  /** Slices to split a run into (default: one per idle thread; see planSlices). */
  pieces?: number | undefined;
  /** Longest the run may take, waiting included (default: the pool's timeoutMs). */
  timeoutMs?: number | undefined;
}

/** Something that runs forecast inputs: the thread pool, or slices over Redis. */
export interface ForecastEngine {
  run(input: ForecastInput, control?: RunControl): Promise<EngineResult>;
}

/** Pool limits (FORECAST_* variables). */
export interface ForecastPoolOptions {
  /** Worker threads, each running one forecast at a time. */
  threads: number;
  /** Forecasts that may wait for a thread; one more is refused with 503. */
  maxQueue: number;
  /** Longest a forecast may take, waiting included (ms); then its worker is stopped and it fails with 503. */
  timeoutMs: number;
  /** Largest raw sample set a Monte Carlo forecast splits along runs for; beyond, along teams (default SAMPLE_BUDGET_BYTES; see sliceMode). */
  sampleBudgetBytes?: number | undefined;
}

/** Seconds a client should wait after the pool refused or timed out a forecast. */
export const poolRetryAfterSeconds = 5;

/**
 * The worker's entry: beside the compiled server (dist/server/forecast-worker.js), or, when the
 * sources run (tests, tsx), a boot file that registers the TypeScript loader first.
 */
const workerUrl = import.meta.url.endsWith('.ts')
  ? new URL('./forecast-worker-boot.mjs', import.meta.url)
  : new URL('./forecast-worker.js', import.meta.url);

const busy = (detail: string) =>
  new ProblemError(503, 'Service Unavailable', detail, undefined, {
    'retry-after': String(poolRetryAfterSeconds),
  });

/**
 * Runs the engine on worker threads (piscina) so Monte Carlo never blocks the event loop. A
 * forecast that finds idle threads is split (planSlices): Monte Carlo into one slice per idle
 * thread (or per 256 teams), the mean path of an org of more than 256 teams into one range of
 * whole 256-team chunks per idle thread; team slices are shaped for storage where they ran
 * (shapeMeanSlice, shapeTeamSlice); the parts are merged (a run split's on a thread, team
 * slices' on this one as they arrive) into the bytes one thread gives. At most `threads` forecasts run and `maxQueue` wait; beyond that a run fails at once with 503 and
 * Retry-After. A run is abandoned (its worker stopped, so the CPU is freed) after `timeoutMs` or
 * when `signal` aborts (the client went away). A worker that exits is replaced; only the run it
 * held fails. Idle threads never keep the process alive.
 */
export class ForecastPool implements ForecastEngine {
  private readonly piscina: Piscina;
  private inFlight = 0;
  /** Inputs whose slices run on the threads, each serialised once (see {@link slice}). */
  private readonly shared = new WeakMap<ForecastInput, SharedInput>();

  constructor(
    private readonly options: ForecastPoolOptions,
    worker: { filename?: URL; workerData?: unknown } = {},
  ) {
    this.piscina = new Piscina({
      filename: (worker.filename ?? workerUrl).href,
      workerData: worker.workerData,
      minThreads: 0,
      maxThreads: options.threads,
      idleTimeout: 60_000,
    });
  }

  /** Runs one (already validated) forecast input on the threads. */
  async run(input: ForecastInput, control: RunControl = {}): Promise<EngineResult> {
    const { threads, maxQueue } = this.options;
    const { signal, onProgress } = control;
    const timeoutMs = control.timeoutMs ?? this.options.timeoutMs;
    if (this.inFlight >= threads + maxQueue)
      throw busy(`All ${threads} forecast workers are busy and ${maxQueue} forecasts wait; retry shortly.`);
    const timeout = AbortSignal.timeout(timeoutMs);
    const idle = threads - this.inFlight;
    this.inFlight += 1;
    try {
      const both = signal ? AbortSignal.any([signal, timeout]) : timeout;
      const pieces = control.pieces ?? idle;
      if (pieces < 2) return await this.task(input, both);
      return await this.split(input, pieces, both, onProgress);
    } catch (error) {
      if (timeout.aborted) throw busy(`The forecast did not finish within ${timeoutMs} ms.`);
      if (signal?.aborted) throw forecastCancelled();
      throw error;
    } finally {
      this.inFlight -= 1;
    }
  }

  /** Tasks the threads have finished (a split forecast is its slices plus the merge). */
  get completedTasks(): number {
    return this.piscina.completed;
  }

  /** Runs one task on a thread; `transferList` moves buffers instead of copying them. */
  private task<T>(task: EngineTask, signal?: AbortSignal, transferList?: ArrayBuffer[]): Promise<T> {
    return this.piscina.run(task, { signal, transferList });
  }

  /** The slices of an input split into up to `pieces` (see planSlices, with this pool's sample budget). */
  plan(input: ForecastInput, pieces: number): Slice[] {
    return planSlices(input, pieces, this.options.sampleBudgetBytes ?? SAMPLE_BUDGET_BYTES);
  }

  /**
   * One forecast over `pieces` threads: its slices at once, then their merge. A run split's raw
   * parts are merged on a thread; team slices come shaped, and each is folded in here as it
   * arrives (ShapedMerger: it only sums the org and joins the lists, where a thread would clone
   * every team's answers and report rows twice more), so no thread holds every team's bands.
   */
  private async split(
    input: ForecastInput,
    pieces: number,
    signal: AbortSignal,
    onProgress: RunControl['onProgress'],
  ): Promise<EngineResult> {
    const slices = this.plan(input, pieces);
    if (slices.length < 2) return this.task(input, signal);
    let done = 0;
    onProgress?.(0, slices.length);
    const each = (take: (part: EnginePart) => void) =>
      Promise.all(
        slices.map(async (slice) => {
          take(await this.slice(input, slice, signal));
          onProgress?.(++done, slices.length);
        }),
      );
    if (slices[0]!.kind === 'runs') {
      const parts: RunsPart[] = [];
      await each((part) => parts.push(part as RunsPart));
      return this.merge(input, parts, signal);
    }
    const merger = new ShapedMerger(input);
    await each((part) => merger.add(part as ShapedPart));
    return merger.finish();
  }

  /**
   * Runs one slice of a plan on a thread (no admission limit: the caller bounds its own work). The
   * slices of one input object share it: serialised once, each thread parses and compiles it once
   * for all the slices it runs in a row (see SharedInput).
   */
  slice(input: ForecastInput, slice: Slice, signal?: AbortSignal): Promise<EnginePart> {
    let shared = this.shared.get(input);
    if (!shared) {
      shared = shareInput(input);
      this.shared.set(input, shared);
    }
    return this.task({ task: 'slice', input: shared, slice }, signal);
  }

  /** Merges a run split's parts on a thread (their buffers move there) into the stored result. */
  merge(input: ForecastInput, parts: RunsPart[], signal?: AbortSignal): Promise<EngineResult> {
    return this.task({ task: 'merge', input, parts }, signal, [...new Set(parts.flatMap(partBuffers))]);
  }

  /** Stops every worker; runs still queued or running fail. */
  async close(): Promise<void> {
    await this.piscina.destroy();
  }
}
