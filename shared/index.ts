/**
 * Reviewload engine: public entry. Pure TypeScript (no I/O, no clock, no global randomness);
 * the server and the browser worker import only from here.
 */
export { erlangB, erlangC, meanWait, serviceLevel } from './engine/erlang';
export { positionsFor, requiredServers, type Staffing } from './engine/staffing';
export * from './schemas/events';
export {
  type ForecastInput,
  type ForecastInputRaw,
  forecastInputSchema,
} from './schemas/forecast-input';
export { describeIssues, type FieldIssue, formatIssues, formatPath } from './schemas/issues';
export { defaultLevels, type Level, levelSchema } from './schemas/levels';
export {
  type RunOptions,
  type RunOptionsInput,
  runOptionsSchema,
  type Thresholds,
  thresholdsSchema,
} from './schemas/options';
export { type Org, type OrgInput, orgSchema, type Team, teamSchema } from './schemas/org';
export {
  defaultParameters,
  type ParameterName,
  type Parameters,
  type ParametersInput,
  parameterNames,
  parametersSchema,
} from './schemas/parameters';
export { type Scenario, type ScenarioInput, scenarioSchema } from './schemas/scenario';
