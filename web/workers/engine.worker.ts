/// <reference lib="webworker" />
import {
  type ForecastInput,
  type ForecastInputRaw,
  forecastInputSchema,
  formatIssues,
  mergeRunSamples,
  type RunSamples,
  reviewersNeeded,
  runMeanPath,
  runSampleRange,
} from '../../shared';
import type { EngineRequest, EngineResponse } from './protocol';

/** Runs per Monte Carlo slice; between slices the worker reads new messages (cancel, mean jobs). */
const SLICE_RUNS = 1;

interface MonteCarloJob {
  job: number;
  input: ForecastInput;
  parts: RunSamples[];
  done: number;
  started: number;
}

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (message: EngineResponse) => scope.postMessage(message);
let queue: MonteCarloJob[] = [];
let pumping = false;

const parse = (job: number, raw: ForecastInputRaw): ForecastInput | null => {
  const parsed = forecastInputSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  post({ type: 'invalid', job, issues: formatIssues(parsed.error) });
  return null;
};

const step = () => {
  const current = queue[0];
  if (!current) {
    pumping = false;
    return;
  }
  try {
    const { runs } = current.input.options;
    const runCount = Math.min(SLICE_RUNS, runs - current.done);
    current.parts.push(runSampleRange(current.input, { runStart: current.done, runCount }));
    current.done += runCount;
    post({ type: 'progress', job: current.job, done: current.done, total: runs });
    if (current.done >= runs) {
      queue.shift();
      const forecast = mergeRunSamples(current.input, current.parts);
      post({ type: 'result', job: current.job, forecast, ms: performance.now() - current.started });
    }
  } catch (error) {
    queue.shift();
    post({ type: 'failed', job: current.job, message: String(error) });
  }
  setTimeout(step, 0);
};

scope.onmessage = (event: MessageEvent<EngineRequest>) => {
  const request = event.data;
  if (request.type === 'cancel') {
    queue = queue.filter((entry) => entry.job !== request.job);
    return;
  }
  const started = performance.now();
  const input = parse(request.job, request.input);
  if (!input) return;
  if (request.type === 'mean') {
    try {
      post({
        type: 'result',
        job: request.job,
        forecast: runMeanPath(input),
        ms: performance.now() - started,
      });
      const needed = reviewersNeeded(input).reduce((sum, team) => sum + team.reviewersNeeded, 0);
      post({ type: 'reviewers', job: request.job, needed });
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
