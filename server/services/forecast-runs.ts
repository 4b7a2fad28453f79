/** Monte Carlo runs when a request does not say and FORECAST_DEFAULT_RUNS is not set (P10/P50/P90 settle well within 500). */
export const defaultRuns = 500;
/** Most runs one API request may ask for. */
export const maxRuns = 2_000;
