import type { FieldIssue, Forecast, ForecastInputRaw, TeamAnswer } from '../../shared';

/** Messages to the engine worker. `job` ids are unique per page; a newer job supersedes older ones. */
export type EngineRequest =
  | { type: 'mean'; job: number; input: ForecastInputRaw }
  | { type: 'monte-carlo'; job: number; input: ForecastInputRaw }
  | { type: 'cancel'; job: number };

/**
 * Wall-clock ms (performance.timeOrigin + now) at which the worker received a job, had parsed its
 * input, had run the engine and had packed the forecast: where a slider's time goes.
 */
export interface WorkerStages {
  received: number;
  parsed: number;
  computed: number;
  packed: number;
}

/** Messages from the engine worker. `ms` is the engine time inside the worker; forecasts come packed (see packForecast). */
export type EngineResponse =
  | { type: 'result'; job: number; forecast: Forecast; ms: number; stages?: WorkerStages }
  | { type: 'progress'; job: number; done: number; total: number }
  /**
   * Last answer to a Monte Carlo job: sign-off reviewers needed at each team's peak week (mean
   * path), summed, and the per-team answers on the job's bands.
   */
  | { type: 'reviewers'; job: number; needed: number; answers: TeamAnswer[] }
  | { type: 'invalid'; job: number; issues: FieldIssue[] }
  | { type: 'failed'; job: number; message: string };
