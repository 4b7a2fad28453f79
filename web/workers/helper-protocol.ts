import type { ForecastInputRaw, RunSamples } from '../../shared';
import type { EngineEdit } from './protocol';

/**
 * Messages from the lead engine worker to a helper worker (over the MessagePort the page gave
 * them): the resident org (as the page sent it to the lead), a Monte Carlo job's input, a range
 * of its runs to compute, and the end of a job (done or cancelled: its queued ranges are dropped).
 */
export type HelperRequest =
  | { type: 'org'; id: number; org: ForecastInputRaw['org'] }
  | { type: 'job'; job: number; org: number; edit: EngineEdit }
  | { type: 'range'; job: number; runStart: number; runCount: number }
  | { type: 'end'; job: number };

/** Messages from a helper to the lead: the raw samples of a range (buffers transferred), or why it failed. */
export type HelperResponse =
  | { type: 'samples'; job: number; samples: RunSamples; ms: number }
  | { type: 'failed'; job: number; message: string };

/** The buffers of a range's samples, to transfer instead of copy. */
export const sampleBuffers = (samples: RunSamples): ArrayBuffer[] =>
  [...samples.teams, samples.org].map((values) => values.buffer as ArrayBuffer);
