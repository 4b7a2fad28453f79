import type { ForecastInputRaw, RunSamples } from '../../shared';
import type { TeamRange } from '../../shared/engine/monte-carlo';
import type { EngineEdit } from './protocol';

/**
 * Messages from the lead engine worker to a helper worker (over the MessagePort the page gave
 * them): the resident org (as the page sent it to the lead), a Monte Carlo job's input, a range
 * of its runs to compute, and the end of a job (done or cancelled: its queued ranges are dropped);
 * or a range of teams of a mean-path job, computed at once.
 */
export type HelperRequest =
  | { type: 'org'; id: number; org: ForecastInputRaw['org'] }
  | { type: 'job'; job: number; org: number; edit: EngineEdit }
  | { type: 'range'; job: number; runStart: number; runCount: number }
  | { type: 'end'; job: number }
  | ({ type: 'mean-range'; job: number; org: number; edit: EngineEdit } & TeamRange);

/**
 * Messages from a helper to the lead: the raw samples of a range of runs (buffers transferred),
 * the mean-path series of a range of teams (see meanSeriesRange; transferred), or why it failed.
 * `ms`: the helper's time computing it.
 */
export type HelperResponse =
  | { type: 'samples'; job: number; samples: RunSamples; ms: number }
  | { type: 'mean-series'; job: number; teamStart: number; series: Float64Array; ms: number }
  | { type: 'failed'; job: number; message: string };

/** The buffers of a range's samples, to transfer instead of copy. */
export const sampleBuffers = (samples: RunSamples): ArrayBuffer[] =>
  [...samples.teams, samples.org].map((values) => values.buffer as ArrayBuffer);
