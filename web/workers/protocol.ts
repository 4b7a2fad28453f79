import type { FieldIssue, Forecast, ForecastInputRaw } from '../../shared';

/** Messages to the engine worker. `job` ids are unique per page; a newer job supersedes older ones. */
export type EngineRequest =
  | { type: 'mean'; job: number; input: ForecastInputRaw }
  | { type: 'monte-carlo'; job: number; input: ForecastInputRaw }
  | { type: 'cancel'; job: number };

/** Messages from the engine worker. `ms` is the engine time inside the worker; forecasts come packed (see packForecast). */
export type EngineResponse =
  | { type: 'result'; job: number; forecast: Forecast; ms: number }
  | { type: 'progress'; job: number; done: number; total: number }
  /** First answer to a Monte Carlo job: sign-off reviewers needed at each team's peak week (mean path), summed. */
  | { type: 'reviewers'; job: number; needed: number }
  | { type: 'invalid'; job: number; issues: FieldIssue[] }
  | { type: 'failed'; job: number; message: string };
