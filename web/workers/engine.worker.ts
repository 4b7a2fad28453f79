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
import type { EngineRequest, EngineResponse, WorkerStages } from './protocol';

/** Runs per Monte Carlo slice; between slices the worker reads new messages (cancel, mean jobs). */
const SLICE_RUNS = 1;

interface MonteCarloJob {
  job: number;
  input: ForecastInput;
  parts: RunSamples[];
  done: number;
  started: number;
  /** The merged bands, once all runs are in. */
  bands?: Forecast;
}

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (message: EngineResponse) => scope.postMessage(message);
const wallClock = () => performance.timeOrigin + performance.now();
const postResult = (
  job: number,
  result: Forecast,
  started: number,
  stages?: Omit<WorkerStages, 'packed'>,
) => {
  const { forecast, transfer } = packForecast(result);
  const ms = performance.now() - started;
  const message: EngineResponse = stages
    ? { type: 'result', job, forecast, ms, stages: { ...stages, packed: wallClock() } }
    : { type: 'result', job, forecast, ms };
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
    const runCount = Math.min(SLICE_RUNS, runs - current.done);
    current.parts.push(runSampleRange(current.input, { runStart: current.done, runCount }));
    current.done += runCount;
    post({ type: 'progress', job: current.job, done: current.done, total: runs });
    if (current.done >= runs) {
      current.bands = mergeRunSamples(current.input, current.parts);
      postResult(current.job, current.bands, current.started);
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
  setTimeout(step, 0);
};

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
  queue.push({ job: request.job, input, parts: [], done: 0, started });
  if (!pumping) {
    pumping = true;
    setTimeout(step, 0);
  }
};
