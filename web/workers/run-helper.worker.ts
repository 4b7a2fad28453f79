/// <reference lib="webworker" />
import { type ForecastInput, type ForecastInputRaw, forecastInputSchema, runSampleRange } from '../../shared';
import { type HelperRequest, type HelperResponse, sampleBuffers } from './helper-protocol';

/**
 * A helper of the page's engine worker (the lead): computes the Monte Carlo run ranges the lead
 * hands it, one range per task, and sends back their raw samples for the lead to merge. The page
 * starts it and sends it one MessagePort, its line to the lead; everything else comes over it.
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

const onRequest = (request: HelperRequest) => {
  if (request.type === 'org') resident = { id: request.id, org: request.org };
  else if (request.type === 'job') {
    if (resident?.id !== request.org) {
      reply({
        type: 'failed',
        job: request.job,
        message: `org ${request.org} is not resident in the helper`,
      });
      return;
    }
    const parsed = forecastInputSchema.safeParse({ ...request.edit, org: resident.org });
    if (parsed.success) inputs.set(request.job, parsed.data);
    else reply({ type: 'failed', job: request.job, message: 'the input did not parse in the helper' });
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
