/// <reference lib="webworker" />
import { type ForecastInput, type ForecastInputRaw, forecastInputSchema, runSampleRange } from '../../shared';
import { type HelperRequest, type HelperResponse, sampleBuffers } from './helper-protocol';
import { meanSeriesRange } from './mean-range';
import type { EngineEdit } from './protocol';

/**
 * A helper of the page's engine worker (the lead): computes the Monte Carlo run ranges the lead
 * hands it, one range per task, and sends back their raw samples for the lead to merge; and the
 * team ranges of mean-path jobs, at once. The page starts it and sends it one MessagePort, its
 * line to the lead; everything else comes over it.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;

let resident: { id: number; org: ForecastInputRaw['org'] } | null = null;
/** Inputs of the jobs in flight, parsed once. */
const inputs = new Map<number, ForecastInput>();
let ranges: Extract<HelperRequest, { type: 'range' }>[] = [];
let lead: MessagePort | null = null;
let pumping = false;

const reply = (message: HelperResponse, transfer: Transferable[] = []) =>
  lead?.postMessage(message, transfer);

/**
 * Computes the oldest queued range (timed as a "monte-carlo-range" measure), then yields (a
 * MessageChannel task) so that an "end" can drop the rest.
 */
const step = () => {
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

/** Computes a mean-path job's range of teams (timed as a "mean-range" measure) and sends the series back. */
const meanRange = (request: Extract<HelperRequest, { type: 'mean-range' }>) => {
  const input = inputOf(request);
  if (!input) return;
  try {
    const started = performance.now();
    const series = meanSeriesRange(input, request);
    const ms = performance.now() - started;
    performance.measure('mean-range', { start: started });
    reply({ type: 'mean-series', job: request.job, teamStart: request.teamStart, series, ms }, [
      series.buffer as ArrayBuffer,
    ]);
  } catch (error) {
    reply({ type: 'failed', job: request.job, message: String(error) });
  }
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
  } else {
    ranges.push(request);
    if (!pumping) {
      pumping = true;
      tasks.port2.postMessage(null);
    }
  }
};

scope.onmessage = (event: MessageEvent<MessagePort>) => {
  lead = event.data;
  lead.onmessage = (message: MessageEvent<HelperRequest>) => onRequest(message.data);
};
