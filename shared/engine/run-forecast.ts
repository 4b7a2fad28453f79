import { type ForecastInputRaw, forecastInputSchema } from '../schemas/forecast-input';
import type { Forecast } from './forecast';
import { runMeanPath } from './mean-path';
import { type ProgressCallback, runMonteCarlo } from './monte-carlo';

/**
 * Validates `input` with {@link forecastInputSchema} (throws its ZodError; see formatIssues) and
 * runs the mean path when `options.runs` is 0, Monte Carlo otherwise.
 */
export const runForecast = (
  input: ForecastInputRaw,
  options: { onProgress?: ProgressCallback } = {},
): Forecast => {
  const parsed = forecastInputSchema.parse(input);
  return parsed.options.runs === 0 ? runMeanPath(parsed) : runMonteCarlo(parsed, options.onProgress);
};
