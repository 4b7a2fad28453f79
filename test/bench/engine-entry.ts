/** What the engine bench times, bundled as the server's forecast worker ships it ({@link shippedEngine}). */
export { METRIC_COUNT } from '../../shared/engine/metrics';
export { rangedNames } from '../../shared/engine/model-params';
export { simulateRuns } from '../../shared/engine/monte-carlo';
export { PARAMETER_STREAM, streamRng } from '../../shared/engine/rng';
export { uniformsPerTeamWeek } from '../../shared/engine/step-week';
export { requiredServers, runMeanPath, runMonteCarlo } from '../../shared/index';
