/// <reference lib="webworker" />
import {
  type Forecast,
  type ForecastInput,
  type ForecastInputRaw,
  forecastInputSchema,
  formatIssues,
  layoffHeadroom,
  mergeRunSamples,
  type RunSamples,
  reviewersNeeded,
  runMeanPath,
  runSampleRange,
  teamAnswers,
} from '../../shared';
import { packForecast } from './pack-forecast';
import type { EngineRequest, EngineWireMessage, WorkerStages } from './protocol';

/**
 * Time a Monte Carlo slice computes for, ms: between slices the worker reads new messages (cancel,
 * mean jobs). Each slice runs as many runs as the last slice's pace says fit (one to start).
 */
const SLICE_MS = 8;
/** Shares of the runs after which the bands so far are sent: the first tenth, then refinements. */
const PARTIAL_SHARES = [0.1, 0.3, 0.6];

interface MonteCarloJob {
  job: number;
  input: ForecastInput;
  parts: RunSamples[];
  done: number;
  started: number;
  /** ms per run measured in the last slice (0 before the first). */
  msPerRun: number;
  /** Index into PARTIAL_SHARES of the next partial bands to send. */
  partial: number;
  /** The merged bands, once all runs are in. */
  bands?: Forecast;
}

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (message: EngineWireMessage) => scope.postMessage(message);
const wallClock = () => performance.timeOrigin + performance.now();
const postResult = (
  job: number,
  result: Forecast,
  started: number,
  stages?: Omit<WorkerStages, 'packed'>,
) => {
  const { packed, transfer } = packForecast(result);
  const ms = performance.now() - started;
  const message: EngineWireMessage = stages
    ? { type: 'result', job, packed, ms, stages: { ...stages, packed: wallClock() } }
    : { type: 'result', job, packed, ms };
  scope.postMessage(message, transfer);
};
/** The bands of the runs in so far (a first look, refined until all runs are in). */
const postPartial = (current: MonteCarloJob) => {
  const input = { ...current.input, options: { ...current.input.options, runs: current.done } };
  const { packed, transfer } = packForecast(mergeRunSamples(input, current.parts));
  const { job, done } = current;
  const message: EngineWireMessage = { type: 'bands', job, packed, done, total: current.input.options.runs };
  scope.postMessage(message, transfer);
};
let queue: MonteCarloJob[] = [];
let pumping = false;

const parse = (job: number, raw: ForecastInputRaw): ForecastInput | null => {
  const parsed = forecastInputSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  post({ type: 'invalid', job, issues: formatIssues(parsed.error) });
  return null;
};

/**
 * One slice of the oldest Monte Carlo job: a run, or once all runs are in, the merged bands;
 * then, as a slice of its own, reviewers needed and the per-team answers (as the server stores them).
 */
const sliceOf = (current: MonteCarloJob) => {
  const { runs } = current.input.options;
  if (current.done < runs) {
    const pace = current.msPerRun > 0 ? Math.floor(SLICE_MS / current.msPerRun) : 1;
    const runCount = Math.max(1, Math.min(pace, runs - current.done));
    const sliceStart = performance.now();
    current.parts.push(runSampleRange(current.input, { runStart: current.done, runCount }));
    current.msPerRun = (performance.now() - sliceStart) / runCount;
    performance.measure('monte-carlo-slice', { start: sliceStart });
    current.done += runCount;
    post({ type: 'progress', job: current.job, done: current.done, total: runs });
    if (current.done >= runs) {
      current.bands = mergeRunSamples(current.input, current.parts);
      postResult(current.job, current.bands, current.started);
    } else if (current.done >= (PARTIAL_SHARES[current.partial] ?? 1) * runs) {
      current.partial += 1;
      postPartial(current);
    }
    return;
  }
  queue.shift();
  const needed = reviewersNeeded(current.input);
  const answers = current.bands
    ? teamAnswers(current.bands, current.input.options.thresholds, needed, layoffHeadroom(current.input))
    : [];
  post({
    type: 'reviewers',
    job: current.job,
    needed: needed.reduce((sum, team) => sum + team.reviewersNeeded, 0),
    answers,
  });
};

const step = () => {
  const current = queue[0];
  if (!current) {
    pumping = false;
    return;
  }
  try {
    sliceOf(current);
  } catch (error) {
    queue = queue.filter((entry) => entry !== current);
    post({ type: 'failed', job: current.job, message: String(error) });
  }
  nextSlice();
};
/**
 * Runs the next slice as a new task through a MessageChannel: unlike setTimeout(0), whose nested
 * calls the browser clamps to 4 ms, it waits for nothing but the messages already queued.
 */
const slices = new MessageChannel();
slices.port1.onmessage = step;
const nextSlice = () => slices.port2.postMessage(null);

/** The org the page made resident (sent once, not with every job). */
let resident: { id: number; org: ForecastInputRaw['org'] } | null = null;

scope.onmessage = (event: MessageEvent<EngineRequest>) => {
  const request = event.data;
  if (request.type === 'org') {
    resident = { id: request.id, org: request.org };
    return;
  }
  if (request.type === 'cancel') {
    queue = queue.filter((entry) => entry.job !== request.job);
    return;
  }
  const started = performance.now();
  const received = wallClock();
  if (resident?.id !== request.org) {
    post({ type: 'failed', job: request.job, message: `org ${request.org} is not resident in the worker` });
    return;
  }
  const input = parse(request.job, { ...request.edit, org: resident.org });
  if (!input) return;
  if (request.type === 'headroom') {
    try {
      post({ type: 'headroom', job: request.job, headroom: layoffHeadroom(input) });
    } catch (error) {
      post({ type: 'failed', job: request.job, message: String(error) });
    }
    return;
  }
  if (request.type === 'mean') {
    try {
      const parsed = wallClock();
      const forecast = runMeanPath(input);
      postResult(request.job, forecast, started, { received, parsed, computed: wallClock() });
    } catch (error) {
      post({ type: 'failed', job: request.job, message: String(error) });
    }
    return;
  }
  performance.clearMeasures('monte-carlo-slice');
  queue.push({ job: request.job, input, parts: [], done: 0, started, msPerRun: 0, partial: 0 });
  if (!pumping) {
    pumping = true;
    nextSlice();
  }
};
