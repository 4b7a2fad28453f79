/**
 * Reviewload engine: public entry. Pure TypeScript (no I/O, no clock, no global randomness);
 * the server and the browser worker import only from here.
 *
 * - Validate with `forecastInputSchema` (`{ org, parameters, scenario, options }`); report a
 *   ZodError with `formatIssues` (`scenario.events[2].percent: must be between 0 and 100`).
 * - `runForecast(input)` parses and runs the mean path (`options.runs` 0) or Monte Carlo.
 * - A worker pool splits Monte Carlo runs: `runSampleRange(parsed, { runStart, runCount })` per
 *   worker, then `mergeRunSamples(parsed, parts)`: the same Forecast, bit for bit.
 * - Derived answers: `forecast.teams[i].breaches` / `forecast.org.breaches`,
 *   `reviewersNeeded(input)`, `layoffHeadroom(input)`.
 * - Cache forecasts by input hash and `ENGINE_VERSION`.
 */

export { defaultTimeZone, isTimeZone, localDate, orgWeek } from './calendar/org-week';
export {
  describeSchedule,
  nextScheduleTimes,
  scheduleProblem,
  zonedTimeLabel,
} from './calendar/schedule-words';
export * from './contract/alert-words';
export * from './contract/alerts';
export {
  bandSchema,
  type ForecastRun,
  type ForecastSummary,
  forecastRunSchema,
  forecastSchema,
  forecastSummarySchema,
} from './contract/forecast-run';
export {
  type HistoryWeek,
  historyWeekSchema,
  type WeeklyCounts,
  weeklyCountsSchema,
} from './contract/history-week';
export { type ModelError, modelErrorSchema } from './contract/model-error';
export {
  type ModelParameter,
  modelParameterSchema,
  type OrgModel,
  type OrgPatch,
  type OrgView,
  orgModelSchema,
  orgPatchSchema,
  orgViewSchema,
  type ParameterCatalogue,
  parameterCatalogueSchema,
  timeZoneSchema,
} from './contract/org-settings';
export {
  type ScenarioSummary,
  type ScenarioVersion,
  scenarioSummarySchema,
  scenarioVersionSchema,
} from './contract/scenario-views';
export { csvField, toCsv } from './csv/csv-write';
export {
  type AnswerContext,
  answerContext,
  type LayoffHeadroom,
  layoffHeadroom,
  type ReviewersNeeded,
  reviewersNeeded,
  teamLayoffHeadroom,
  teamReviewersNeeded,
} from './engine/answers';
export { assembleForecast, assembleTeams } from './engine/assemble';
export { bandOf, meanBands, roundedMeanBands, roundedMeanForecast, sampleBands } from './engine/bands';
export { anyBreach, firstBreaches } from './engine/breaches';
export { binomial, gamma, normalQuantile, poisson } from './engine/distributions';
export { erlangB, erlangC, meanWait, serviceLevel } from './engine/erlang';
export type {
  Band,
  Breach,
  Breaches,
  BreachMetric,
  Forecast,
  MetricBands,
  TeamForecast,
} from './engine/forecast';
export { breachMetrics } from './engine/forecast';
export { meanOrgSeries, runMeanPath, teamSeriesProbe } from './engine/mean-path';
export {
  type AlertMetricKey,
  alertMetricKeys,
  alertMetricSeries,
  type BandedMetricKey,
  bandedMetricKeys,
  MAX_BACKLOG_WEEKS,
  MAX_UTILIZATION,
  MAX_WAIT_HOURS,
  type MetricKey,
  metricKeys,
} from './engine/metrics';
export {
  addChunk,
  orgSamples,
  orgSlots,
  type ProgressCallback,
  type RunRange,
  runMonteCarlo,
  TEAM_CHUNK,
} from './engine/monte-carlo';
export { Rng } from './engine/rng';
export { runForecast } from './engine/run-forecast';
export { mergeRunSamples, type RunSamples, runSampleRange } from './engine/run-range';
export {
  meanSliceRange,
  mergeSlices,
  planSlices,
  runSlice,
  SAMPLE_BUDGET_BYTES,
  type Slice,
  SliceMerger,
  type SlicePart,
  sliceMode,
} from './engine/slices';
export { positionsFor, requiredServers, type Staffing } from './engine/staffing';
export { type Driver, type TeamAnswer, type TeamBreach, teamAnswers } from './engine/team-answers';
export { ENGINE_VERSION } from './engine/version';
export { weekDates, weekIndexOf } from './engine/weeks';
export * from './schemas/events';
export {
  type ForecastInput,
  type ForecastInputRaw,
  forecastInputSchema,
} from './schemas/forecast-input';
export { describeIssues, type FieldIssue, formatIssues, formatPath } from './schemas/issues';
export {
  checkLadder,
  defaultLevels,
  type Level,
  ladderSchema,
  levelSchema,
  MAX_CHANGES_PER_WEEK,
  type TeamChangeRateRanges,
  type TeamChangeRates,
  teamChangeRateRangesSchema,
  teamChangeRatesSchema,
} from './schemas/levels';
export { leverEventIds } from './schemas/lever-ids';
export {
  type RunOptions,
  type RunOptionsInput,
  runOptionsSchema,
  type Thresholds,
  thresholdsPatchSchema,
  thresholdsSchema,
} from './schemas/options';
export { type Org, type OrgInput, orgSchema, type Team, teamSchema } from './schemas/org';
export { type ParameterInfo, parameterInfo } from './schemas/parameter-info';
export {
  applyRangesPatch,
  type ParameterRange,
  parameterRange,
  type RangeIssue,
  type RangesPatch,
  rangeChanged,
  rangesPatchSchema,
  sameRange,
} from './schemas/parameter-ranges';
export {
  applyParametersPatch,
  defaultParameters,
  type ParameterName,
  type ParameterOverrides,
  type Parameters,
  type ParametersInput,
  type ParametersPatch,
  parameterBounds,
  parameterNames,
  parameterOverridesSchema,
  parametersPatchSchema,
  parametersSchema,
  withOverrides,
} from './schemas/parameters';
export {
  type Scenario,
  type ScenarioInput,
  type ScenarioTeamParameters,
  scenarioSchema,
  scenarioTeamParametersSchema,
} from './schemas/scenario';
export { type ThresholdInfo, thresholdInfo } from './schemas/threshold-info';
