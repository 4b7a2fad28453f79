import { type Accessor, batch, createEffect, createSignal, on, onCleanup } from 'solid-js';
import type { FieldIssue, Forecast, ForecastInputRaw, LayoffHeadroom, TeamAnswer } from '../../shared';
import { forecastReadyFor, leverInputSeq, measureSend } from '../perf';
import { unpackForecast } from './pack-forecast';
import type {
  EngineJobType,
  EngineRequest,
  EngineResponse,
  EngineWireMessage,
  WorkerStages,
} from './protocol';

type Listener = (message: EngineResponse) => void;
/** Job ids are unique across the page's workers. */
let nextJob = 1;

/**
 * Engine workers (started on first use: a lead and its helpers), the org resident in them, and the
 * listeners of their jobs by job id.
 */
interface EngineChannel {
  /** Posts a job; the job's org is made resident first unless it already is (the same object). */
  run(type: EngineJobType, job: number, input: ForecastInputRaw, listener: Listener): void;
  /**
   * Stops a job: a message the workers read between Monte Carlo slices (about 8 ms in the lead,
   * 16 ms in a helper), so with `another` (a job for a newer input follows) the same workers,
   * their org resident, take that job. Without `another`, on a channel made `endOnCancel` whose
   * only job this is, its workers end at once (started again by the next job).
   */
  cancel(job: number, another?: boolean): void;
  forget(job: number): void;
  close(): void;
}

const wallClock = () => performance.timeOrigin + performance.now();

/** A response with its forecast unpacked; a result's stages gain its arrival and unpacking. */
function unpacked(message: EngineWireMessage): EngineResponse {
  if (message.type !== 'result' && message.type !== 'bands') return message;
  const arrived = wallClock();
  const { packed, ...rest } = message;
  const forecast = unpackForecast(packed);
  if (rest.type === 'bands') return { ...rest, forecast };
  const stages = rest.stages && { ...rest.stages, arrived, unpacked: wallClock() };
  return { ...rest, forecast, ...(stages ? { stages } : {}) };
}

/** Resident org ids are unique across the page's workers. */
let nextOrg = 1;

/**
 * Engine workers of each of the page's two channels (mean paths, Monte Carlo): one a core, less
 * one for the page itself (navigator.hardwareConcurrency - 1, at least one). A mean path split
 * over every core was slower on 2 cores: 72.5 ms slider to redraw against 62.7 ms on one worker
 * in the same run (docs/scaling.md), as the page works while the engine computes.
 */
export const engineWorkerCount = (): number => Math.max(1, (navigator.hardwareConcurrency || 2) - 1);

/**
 * Starts the lead engine worker and `workers - 1` helpers, each helper linked to the lead by a
 * MessageChannel of its own: the lead hands them ranges of a Monte Carlo job's runs and merges
 * what they send back (see engine.worker.ts).
 */
function startWorkers(workers: number): Worker[] {
  const lead = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module' });
  const started = [lead];
  for (let i = 1; i < workers; i++) {
    const helper = new Worker(new URL('./run-helper.worker.ts', import.meta.url), { type: 'module' });
    const link = new MessageChannel();
    helper.postMessage(link.port1, [link.port1]);
    lead.postMessage({ type: 'helper', port: link.port2 } satisfies EngineRequest, [link.port2]);
    started.push(helper);
  }
  return started;
}

/**
 * A channel to `workers` engine workers (a lead and its helpers; jobs go to the lead), started on
 * first use; `endOnCancel`: see {@link EngineChannel.cancel}.
 */
function createEngineChannel({ endOnCancel = false, workers = 1 } = {}): EngineChannel {
  const listeners = new Map<number, Listener>();
  let started: Worker[] = [];
  let resident: { org: ForecastInputRaw['org']; id: number } | null = null;
  const end = () => {
    for (const worker of started) worker.terminate();
    started = [];
    resident = null;
    listeners.clear();
  };
  const start = () => {
    if (started.length > 0) return;
    started = startWorkers(workers);
    started[0]!.onmessage = (event: MessageEvent<EngineWireMessage>) => {
      const listener = listeners.get(event.data.job);
      if (listener) listener(unpacked(event.data));
    };
  };
  const post = (request: EngineRequest) => {
    start();
    started[0]!.postMessage(request);
  };
  return {
    run(type, job, { org, ...edit }, listener) {
      if (resident?.org !== org) {
        resident = { org, id: nextOrg++ };
        post({ type: 'org', id: resident.id, org });
      }
      listeners.set(job, listener);
      post({ type, job, org: resident.id, edit });
    },
    cancel(job, another = false) {
      if (!another && endOnCancel && listeners.size === 1 && listeners.has(job)) end();
      else if (started.length > 0) post({ type: 'cancel', job });
    },
    forget: (job) => listeners.delete(job),
    close: end,
  };
}

/**
 * The page's shared engine workers, each running its jobs one at a time, in order: for mean paths
 * a lead with helpers ({@link engineWorkerCount}), that split each job's teams;
 * and for Monte Carlo and the other long jobs a lead with helpers, one worker a core less one
 * (the same count), that split each job's runs. A slider move then never waits
 * for the Monte Carlo slice in progress; the Monte Carlo it cancels stops after that slice and
 * its workers take the next job (leaving the page ends them).
 */
const sharedMean = createEngineChannel({ workers: engineWorkerCount() });
const sharedLong = createEngineChannel({ endOnCancel: true, workers: engineWorkerCount() });

/**
 * The largest layoff each team of `input` absorbs, computed in the page's engine worker (the
 * engine's layoffHeadroom): for the team answers of a forecast that was stored without them.
 */
export function layoffHeadroomInWorker(input: ForecastInputRaw): Promise<LayoffHeadroom[]> {
  const job = nextJob++;
  return new Promise((resolve, reject) =>
    sharedLong.run('headroom', job, input, (message) => {
      sharedLong.forget(job);
      if (message.type === 'headroom') resolve(message.headroom);
      else if (message.type === 'invalid')
        reject(new Error(message.issues.map((issue) => `${issue.path} ${issue.message}`).join('; ')));
      else if (message.type === 'failed') reject(new Error(message.message));
    }),
  );
}

/**
 * Measures each stage of a mean-path job (wall-clock ms `sentAt` when the page posted it, then
 * the worker's `stages`, then the result's arrival): "mean-to-worker" (structured clone of the
 * scenario, parameters and options, and the worker's queue), "mean-parse" (zod), "mean-engine"
 * (the lead's range of teams when split), "mean-merge" (waiting for the helpers' ranges and merging
 * them; 0 unsplit), "mean-pack", "mean-to-page" (the packed forecast's clone and transfer) and
 * "mean-unpack"; and each helper's "mean-helper-range" (its computing time).
 */
function measureStages(sentAt: number, stages: WorkerStages) {
  const at = (wall: number) => wall - performance.timeOrigin;
  const now = wallClock();
  const arrived = stages.arrived ?? now;
  const merged = stages.merged ?? stages.computed;
  const spans: [string, number, number][] = [
    ['mean-to-worker', sentAt, stages.received],
    ['mean-parse', stages.received, stages.parsed],
    ['mean-engine', stages.parsed, stages.computed],
    ['mean-merge', stages.computed, merged],
    ['mean-pack', merged, stages.packed],
    ['mean-to-page', stages.packed, arrived],
    ['mean-unpack', arrived, stages.unpacked ?? now],
  ];
  for (const [name, start, end] of spans) performance.measure(name, { start: at(start), end: at(end) });
  for (const ms of stages.helperMs ?? [])
    performance.measure('mean-helper-range', { start: at(stages.received), duration: ms });
}

export interface ForecastRunner {
  /** The forecast to show: Monte Carlo bands once they match the input, else the mean path (the previous input's forecast until the new mean path arrives). */
  forecast: Accessor<Forecast | undefined>;
  /** Whether `forecast` carries the Monte Carlo bands of all runs for the current input. */
  settled: Accessor<boolean>;
  /** Runs behind the first-look bands shown while the rest run (null: none, or all runs are in). */
  partialRuns: Accessor<number | null>;
  /** Monte Carlo progress 0-1 while it runs, null otherwise. */
  progress: Accessor<number | null>;
  /** Why the engine rejected the input (field paths), or a failure message. */
  issues: Accessor<FieldIssue[]>;
  /** Sign-off reviewers needed at each team's peak week (mean path), summed over teams; null until the input settles. */
  reviewersNeeded: Accessor<number | null>;
  /** Per-team answers on the Monte Carlo bands (P50), as the server stores them; null until the bands are in. */
  answers: Accessor<TeamAnswer[] | null>;
  /**
   * Starts the Monte Carlo of the current input now if it is still waiting for `settleMs` (a
   * slider was let go: its input is final, so the first bands need not wait).
   */
  startNow(): void;
}

/**
 * Runs the engine in the worker whenever `input` changes: the mean path at once (while one runs,
 * only the newest input waits), Monte Carlo with `runs` runs once the input has been still for
 * `settleMs`, its bands shown from the first tenth of the runs and refined until all are in; a
 * newer input, or the end of the runner's owner (leaving the page), cancels the job in flight.
 */
export function createForecastRunner(
  input: Accessor<ForecastInputRaw | null>,
  options: {
    runs: number;
    settleMs: number;
    /**
     * Run in a worker of this runner's own (ended with it) instead of the page's shared one,
     * so that several runners' Monte Carlo jobs run side by side rather than one after another.
     */
    ownWorker?: boolean;
  },
): ForecastRunner {
  const own = options.ownWorker ? createEngineChannel() : null;
  const meanChannel = own ?? sharedMean;
  const longChannel = own ?? sharedLong;
  /**
   * The forecast on screen: the newest mean path or bands. A new input leaves it in place until
   * its own mean path arrives (a few tens of ms) instead of falling back to the previous input's
   * mean path, which redrew every chart with old figures while the engine computed.
   */
  const [shown, setShown] = createSignal<Forecast>();
  /** Whether the bands of the current input are in (partial or all). */
  const [banded, setBanded] = createSignal(false);
  const [progress, setProgress] = createSignal<number | null>(null);
  const [partialRuns, setPartialRuns] = createSignal<number | null>(null);
  const [issues, setIssues] = createSignal<FieldIssue[]>([]);
  const [needed, setNeeded] = createSignal<number | null>(null);
  const [answers, setAnswers] = createSignal<TeamAnswer[] | null>(null);
  let meanInFlight = false;
  /** The newest input waiting for the mean job in flight, with the lever input it answers. */
  let pending: { raw: ForecastInputRaw; seq: number } | null = null;
  let monteCarloJob = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** The input whose Monte Carlo waits for `settleMs`. */
  let settling: ForecastInputRaw | null = null;

  const fail = (message: EngineResponse) => {
    if (message.type === 'invalid') setIssues(message.issues);
    if (message.type === 'failed') setIssues([{ path: '', message: message.message }]);
  };

  const runMean = (raw: ForecastInputRaw, seq: number) => {
    meanInFlight = true;
    const job = nextJob++;
    measureSend(seq);
    const sentAt = wallClock();
    meanChannel.run('mean', job, raw, (message) => {
      meanChannel.forget(job);
      meanInFlight = false;
      if (message.type === 'result') {
        performance.measure('engine-mean', { start: performance.now() - message.ms, duration: message.ms });
        if (message.stages) measureStages(sentAt, message.stages);
        setIssues([]);
        if (!banded()) {
          forecastReadyFor(seq);
          setShown(message.forecast);
        }
      } else fail(message);
      const next = pending;
      pending = null;
      if (next) runMean(next.raw, next.seq);
    });
  };

  const runMonteCarlo = (raw: ForecastInputRaw) => {
    settling = null;
    const job = nextJob++;
    monteCarloJob = job;
    setProgress(0);
    longChannel.run(
      'monte-carlo',
      job,
      { ...raw, options: { ...raw.options, runs: options.runs } },
      (message) => {
        if (job !== monteCarloJob) return;
        if (message.type === 'progress') setProgress(message.done / message.total);
        else if (message.type === 'bands' || message.type === 'result') {
          batch(() => {
            if (message.type === 'bands') setPartialRuns(message.done);
            else {
              setProgress(null);
              setPartialRuns(null);
            }
            setBanded(true);
            setShown(message.forecast);
          });
        } else {
          longChannel.forget(job);
          if (message.type === 'reviewers') {
            setNeeded(message.needed);
            setAnswers(message.answers);
          } else {
            setProgress(null);
            fail(message);
          }
        }
      },
    );
  };

  /** Cancels the Monte Carlo job in flight; `another`: one for a newer input follows. */
  const cancelMonteCarlo = (another = false) => {
    clearTimeout(timer);
    settling = null;
    if (monteCarloJob) {
      longChannel.cancel(monteCarloJob, another);
      longChannel.forget(monteCarloJob);
      monteCarloJob = 0;
    }
    setProgress(null);
    setPartialRuns(null);
  };

  createEffect(
    on(input, (raw) => {
      if (raw) {
        const seq = leverInputSeq();
        if (meanInFlight) pending = { raw, seq };
        else runMean(raw, seq);
      }
      // After the mean job is posted, which need not wait behind the cancel message.
      cancelMonteCarlo(raw !== null);
      setBanded(false);
      setNeeded(null);
      setAnswers(null);
      if (!raw) return;
      if (options.runs > 0) {
        settling = raw;
        timer = setTimeout(() => runMonteCarlo(raw), options.settleMs);
      }
    }),
  );
  onCleanup(() => {
    cancelMonteCarlo(false);
    own?.close();
  });

  return {
    forecast: shown,
    settled: () => banded() && partialRuns() === null,
    partialRuns,
    progress,
    issues,
    reviewersNeeded: needed,
    answers,
    startNow() {
      if (!settling) return;
      clearTimeout(timer);
      runMonteCarlo(settling);
    },
  };
}
