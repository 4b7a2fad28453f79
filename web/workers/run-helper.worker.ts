/// <reference lib="webworker" />
import { type ForecastInput, type ForecastInputRaw, forecastInputSchema, runSampleRange } from '../../shared';
import { type HelperRequest, type HelperResponse, sampleBuffers } from './helper-protocol';
import { meanRangeSteps } from './mean-range';
import type { EngineEdit } from './protocol';

/**
 * A helper of the page's engine worker (the lead): computes the Monte Carlo run ranges the lead
 * hands it, one range per task, and sends back their raw samples for the lead to merge; and the
 * team ranges of mean-path jobs, first, in slices of about {@link MEAN_SLICE_MS}. The page starts
 * it and sends it one MessagePort, its line to the lead; everything else comes over it.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;

let resident: { id: number; org: ForecastInputRaw['org'] } | null = null;
/** Inputs of the jobs in flight, parsed once. */
const inputs = new Map<number, ForecastInput>();
let ranges: Extract<HelperRequest, { type: 'range' }>[] = [];
/**
 * Time a mean-path range computes for before it yields, ms: an "end" from the lead (which
 * computed the teams itself, see split-means.ts) then drops the rest instead of the helper
 * finishing a range nobody waits for while the next job's waits behind it.
 */
const MEAN_SLICE_MS = 3;
/** Mean-path ranges in hand, oldest first. */
let means: { job: number; teamStart: number; steps: ReturnType<typeof meanRangeSteps>; ms: number }[] = [];
let lead: MessagePort | null = null;
let pumping = false;

const reply = (message: HelperResponse, transfer: Transferable[] = []) =>
  lead?.postMessage(message, transfer);

/**
 * Computes the oldest queued range (timed as a "monte-carlo-range" measure), then yields (a
 * MessageChannel task) so that an "end" can drop the rest.
 */
const step = () => {
  if (means.length > 0) {
    meanSlice();
    tasks.port2.postMessage(null);
    return;
  }
  const range = ranges.shift();
  if (!range) {
    pumping = false;
    return;
  }
  const input = inputs.get(range.job);
  if (input) {
    try {
      const started = performance.now();
      const samples = runSampleRange(input, range);
      const ms = performance.now() - started;
      performance.measure('monte-carlo-range', { start: started });
      reply({ type: 'samples', job: range.job, samples, ms }, sampleBuffers(samples));
    } catch (error) {
      reply({ type: 'failed', job: range.job, message: String(error) });
    }
  }
  tasks.port2.postMessage(null);
};
const tasks = new MessageChannel();
tasks.port1.onmessage = step;

/** The input of a job on the resident org, or null (the lead told) when the org is another or the input does not parse. */
const inputOf = (request: { job: number; org: number; edit: EngineEdit }): ForecastInput | null => {
  if (resident?.id !== request.org) {
    reply({ type: 'failed', job: request.job, message: `org ${request.org} is not resident in the helper` });
    return null;
  }
  const parsed = forecastInputSchema.safeParse({ ...request.edit, org: resident.org });
  if (parsed.success) return parsed.data;
  reply({ type: 'failed', job: request.job, message: 'the input did not parse in the helper' });
  return null;
};

/** Computes teams of the oldest mean-path range for about MEAN_SLICE_MS; sends its series back once all are done. */
const meanSlice = () => {
  const work = means[0]!;
  const started = performance.now();
  try {
    let more = true;
    while (more && performance.now() - started < MEAN_SLICE_MS) more = work.steps.next();
    work.ms += performance.now() - started;
    if (more) return;
    means.shift();
    performance.measure('mean-range', { start: performance.now() - work.ms, duration: work.ms });
    const { series } = work.steps;
    reply({ type: 'mean-series', job: work.job, teamStart: work.teamStart, series, ms: work.ms }, [
      series.buffer as ArrayBuffer,
    ]);
  } catch (error) {
    means.shift();
    reply({ type: 'failed', job: work.job, message: String(error) });
  }
};

/** Takes a mean-path job's range of teams in hand (computed in slices, before any Monte Carlo range). */
const meanRange = (request: Extract<HelperRequest, { type: 'mean-range' }>) => {
  const input = inputOf(request);
  if (!input) return;
  means.push({
    job: request.job,
    teamStart: request.teamStart,
    steps: meanRangeSteps(input, request),
    ms: 0,
  });
  pump();
};

/** Starts the tasks unless they run. */
const pump = () => {
  if (pumping) return;
  pumping = true;
  tasks.port2.postMessage(null);
};

const onRequest = (request: HelperRequest) => {
  if (request.type === 'org') resident = { id: request.id, org: request.org };
  else if (request.type === 'mean-range') meanRange(request);
  else if (request.type === 'job') {
    const input = inputOf(request);
    if (input) inputs.set(request.job, input);
  } else if (request.type === 'end') {
    inputs.delete(request.job);
    ranges = ranges.filter((range) => range.job !== request.job);
    means = means.filter((work) => work.job !== request.job);
  } else {
    ranges.push(request);
    pump();
  }
};

scope.onmessage = (event: MessageEvent<MessagePort>) => {
  lead = event.data;
  lead.onmessage = (message: MessageEvent<HelperRequest>) => onRequest(message.data);
};
