import { type ForecastInput, reviewersNeeded, runForecast } from '../../shared/index';
import type { EngineResult } from './forecast-pool';
import { capacityRows, forecastSummary } from './forecast-summary';

/**
 * Worker side of the forecast pool (piscina calls the default export once per run): runs the
 * engine and also shapes what gets stored (summary, report rows, the series as JSON text), so
 * the main thread receives one string and two small objects instead of cloning the forecast.
 */
export default function runEngine(input: ForecastInput): EngineResult {
  const forecast = runForecast(input);
  const needed = reviewersNeeded(input);
  return {
    seriesJson: JSON.stringify(forecast),
    summary: forecastSummary(forecast, needed),
    report: capacityRows(forecast, needed),
  };
}
