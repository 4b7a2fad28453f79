import type { FieldIssue, Forecast, ForecastInputRaw, LayoffHeadroom, TeamAnswer } from '../../shared';
import type { PackedForecast } from './pack-forecast';

/**
 * A job's input without the org: the org stays resident in the worker (sent once, see
 * {@link EngineRequest} "org"), so a lever move clones only the scenario, parameters and options.
 */
export type EngineEdit = Omit<ForecastInputRaw, 'org'>;

/**
 * Messages to the engine worker. `job` ids are unique per page; a newer job supersedes older ones.
 * "org" makes an org resident under `id` (replacing the previous one); jobs name the resident org
 * they run on, and messages arrive in order, so a job always finds its org.
 */
export type EngineRequest =
  | { type: 'org'; id: number; org: ForecastInputRaw['org'] }
  | { type: 'mean'; job: number; org: number; edit: EngineEdit }
  | { type: 'monte-carlo'; job: number; org: number; edit: EngineEdit }
  /** The largest layoff each team absorbs (mean path), for team answers of a forecast computed elsewhere. */
  | { type: 'headroom'; job: number; org: number; edit: EngineEdit }
  | { type: 'cancel'; job: number }
  /** A port to a helper worker (run-helper.worker.ts) that computes ranges of Monte Carlo runs for this one. */
  | { type: 'helper'; port: MessagePort };

/** The request types that run the engine on an input. */
export type EngineJobType = Exclude<EngineRequest['type'], 'org' | 'cancel' | 'helper'>;

/**
 * Wall-clock ms (performance.timeOrigin + now) at which the worker received a job, had parsed its
 * input, had run the engine (its own range of teams, for a mean path split over helpers), had
 * the helpers' ranges and merged them, and had packed the forecast, then (stamped by the page) at
 * which the page got the message and had unpacked the forecast: where a slider's time goes.
 */
export interface WorkerStages {
  received: number;
  parsed: number;
  computed: number;
  /** A split mean path: all ranges in and merged (`helperMs`: each helper's time computing its range). */
  merged?: number;
  helperMs?: number[];
  packed: number;
  arrived?: number;
  unpacked?: number;
}

/** Responses of the engine worker as the page's listeners get them. `ms` is the engine time inside the worker. */
export type EngineResponse =
  | { type: 'result'; job: number; forecast: Forecast; ms: number; stages?: WorkerStages }
  | { type: 'progress'; job: number; done: number; total: number }
  /** Bands of the first `done` of `total` runs (packed): a first look, refined until the result. */
  | { type: 'bands'; job: number; forecast: Forecast; done: number; total: number }
  /**
   * Last answer to a Monte Carlo job: sign-off reviewers needed at each team's peak week (mean
   * path), summed, and the per-team answers on the job's bands.
   */
  | { type: 'reviewers'; job: number; needed: number; answers: TeamAnswer[] }
  | { type: 'headroom'; job: number; headroom: LayoffHeadroom[] }
  | { type: 'invalid'; job: number; issues: FieldIssue[] }
  | { type: 'failed'; job: number; message: string };

/** A response as posted: a forecast goes packed (see packForecast), the page unpacks it. */
export type EngineWireMessage = EngineResponse extends infer R
  ? R extends { forecast: Forecast }
    ? Omit<R, 'forecast'> & { packed: PackedForecast }
    : R
  : never;
