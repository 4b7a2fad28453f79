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
import { RunHelpers } from './run-helpers';
import { SplitMeans, teamRanges } from './split-means';

/**
 * Time a Monte Carlo slice computes for, ms: between slices the worker reads new messages (cancel,
 * mean jobs, helpers' samples). Each slice runs as many runs as the last slice's pace says fit (one
 * to start).
 */
const SLICE_MS = 8;
/**
 * Time a helper's range computes for, ms (at the pace measured so far; one run to start): longer
 * than a slice, since a helper reads nothing else between ranges, yet short enough that a
 * cancelled job's last range ends soon.
 */
const HELPER_RANGE_MS = 16;
/** Shares of the runs after which the bands so far are sent: the first tenth, then refinements. */
const PARTIAL_SHARES = [0.1, 0.3, 0.6];

/**
 * A Monte Carlo job. Its runs are handed out in order, in ranges, to this worker's own slices and to
 * the helpers; the ranges come back in any order. Bands sent before the end are those of the runs
 * from 0 without a gap (`prefix`), so they are the bands one worker would send at that count, and
 * the final bands merge all ranges in run order: the same numbers however many workers ran them.
 */
interface MonteCarloJob {
  job: number;
  input: ForecastInput;
  /** Ranges in, by first run. */
  parts: Map<number, RunSamples>;
  /** Runs handed out so far: the next range starts here. */
  next: number;
  /** Runs in (in any order). */
  done: number;
  /** Runs 0 .. prefix - 1 are all in. */
  prefix: number;
  started: number;
  /** ms per run at the last measured pace (0 before the first). */
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
/** The ranges of runs 0 .. `runs` - 1, in run order. */
const partsBelow = (current: MonteCarloJob, runs: number) => {
  const parts: RunSamples[] = [];
  for (let at = 0; at < runs; at += parts.at(-1)!.runCount) parts.push(current.parts.get(at)!);
  return parts;
};
/** The bands of runs 0 .. prefix - 1 (a first look, refined until all runs are in). */
const postPartial = (current: MonteCarloJob) => {
  const runs = current.prefix;
  const input = { ...current.input, options: { ...current.input.options, runs } };
  const { packed, transfer } = packForecast(mergeRunSamples(input, partsBelow(current, runs)));
  const message: EngineWireMessage = {
    type: 'bands',
    job: current.job,
    packed,
    done: runs,
    total: current.input.options.runs,
  };
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

/** The next range of `current` to hand out, `ms` long at its pace (one run before the pace is known); null once all are out. */
const nextRange = (current: MonteCarloJob, ms: number) => {
  const { runs } = current.input.options;
  if (current.next >= runs) return null;
  const pace = current.msPerRun > 0 ? Math.floor(ms / current.msPerRun) : 1;
  const runCount = Math.max(1, Math.min(pace, runs - current.next));
  const range = { runStart: current.next, runCount };
  current.next += runCount;
  return range;
};

const fail = (current: MonteCarloJob, message: string) => {
  queue = queue.filter((entry) => entry !== current);
  helpers.end(current.job);
  post({ type: 'failed', job: current.job, message });
  wake();
};

/** Takes in a range of runs (computed here or by a helper): progress, then partial bands or, with all runs in, the bands. */
const receive = (current: MonteCarloJob, part: RunSamples) => {
  const { runs } = current.input.options;
  current.parts.set(part.runStart, part);
  current.done += part.runCount;
  for (let at = current.parts.get(current.prefix); at; at = current.parts.get(current.prefix))
    current.prefix += at.runCount;
  post({ type: 'progress', job: current.job, done: current.done, total: runs });
  if (current.done >= runs) {
    helpers.end(current.job);
    current.bands = mergeRunSamples(current.input, partsBelow(current, runs));
    postResult(current.job, current.bands, current.started);
    wake();
  } else if (current.prefix >= (PARTIAL_SHARES[current.partial] ?? 1) * runs) {
    current.partial += 1;
    postPartial(current);
  }
};

/** Helpers' answers: samples of the job in flight are taken in (others belong to a job already ended). */
const helpers = new RunHelpers((message) => {
  if (message.type === 'mean-series' || splitMeans.has(message.job)) return splitMeans.answer(message);
  const current = queue[0];
  if (!current || current.job !== message.job || current.bands) return;
  if (message.type === 'failed') return fail(current, message.message);
  if (current.msPerRun === 0) current.msPerRun = message.ms / message.samples.runCount;
  receive(current, message.samples);
  helpers.topUp(current.job, () => nextRange(current, HELPER_RANGE_MS));
});

/**
 * One slice of the oldest Monte Carlo job: a range of its runs, while some are not handed out;
 * once all runs are in, as a slice of its own, reviewers needed and the per-team answers (as the
 * server stores them). While the helpers compute the last ranges, the worker waits for them.
 */
const sliceOf = (current: MonteCarloJob) => {
  if (current.bands) {
    queue.shift();
    const needed = reviewersNeeded(current.input);
    const answers = teamAnswers(
      current.bands,
      current.input.options.thresholds,
      needed,
      layoffHeadroom(current.input),
    );
    post({
      type: 'reviewers',
      job: current.job,
      needed: needed.reduce((sum, team) => sum + team.reviewersNeeded, 0),
      answers,
    });
    return true;
  }
  helpers.topUp(current.job, () => nextRange(current, HELPER_RANGE_MS));
  const range = nextRange(current, SLICE_MS);
  if (!range) return false;
  const sliceStart = performance.now();
  const part = runSampleRange(current.input, range);
  current.msPerRun = (performance.now() - sliceStart) / range.runCount;
  performance.measure('monte-carlo-slice', { start: sliceStart });
  receive(current, part);
  return true;
};

const step = () => {
  const current = queue[0];
  if (!current) {
    pumping = false;
    return;
  }
  let more = true;
  try {
    more = sliceOf(current);
  } catch (error) {
    fail(current, String(error));
  }
  if (more) nextSlice();
  else pumping = false;
};
/**
 * Runs the next slice as a new task through a MessageChannel: unlike setTimeout(0), whose nested
 * calls the browser clamps to 4 ms, it waits for nothing but the messages already queued.
 */
const slices = new MessageChannel();
slices.port1.onmessage = step;
const nextSlice = () => slices.port2.postMessage(null);
/** Starts the slices again unless they run (a new job, or all runs of the job in flight are in). */
function wake() {
  if (pumping) return;
  pumping = true;
  nextSlice();
}

/** Mean paths split by teams over this worker and its helpers. */
const splitMeans = new SplitMeans((finished) => {
  // Helpers still on a range of it (this worker computed those teams itself) drop it.
  helpers.end(finished.job);
  if ('failed' in finished) post({ type: 'failed', job: finished.job, message: finished.failed });
  else postResult(finished.job, finished.forecast, finished.started, finished.stages);
});

/** The org the page made resident (sent once, not with every job). */
let resident: { id: number; org: ForecastInputRaw['org'] } | null = null;

scope.onmessage = (event: MessageEvent<EngineRequest>) => {
  const request = event.data;
  if (request.type === 'helper') {
    helpers.add(request.port);
    return;
  }
  if (request.type === 'org') {
    resident = { id: request.id, org: request.org };
    helpers.resident(request.id, request.org);
    return;
  }
  if (request.type === 'cancel') {
    queue = queue.filter((entry) => entry.job !== request.job);
    helpers.end(request.job);
    return;
  }
  const started = performance.now();
  const received = wallClock();
  if (resident?.id !== request.org) {
    post({ type: 'failed', job: request.job, message: `org ${request.org} is not resident in the worker` });
    return;
  }
  // A mean path splits its teams over this worker and the helpers: theirs go out before the parse.
  const ranges = request.type === 'mean' ? teamRanges(resident.org.teams.length, helpers.count + 1) : [];
  helpers.meanRanges(request.job, request.org, request.edit, ranges.slice(1));
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
  if (request.type === 'mean' && ranges.length > 1) {
    try {
      splitMeans.start(request.job, input, ranges, started, { received, parsed: wallClock() });
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
  helpers.start(request.job, request.org, request.edit);
  queue.push({
    job: request.job,
    input,
    parts: new Map(),
    next: 0,
    done: 0,
    prefix: 0,
    started,
    msPerRun: 0,
    partial: 0,
  });
  wake();
};
