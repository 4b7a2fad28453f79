import { parentPort } from 'node:worker_threads';
import { type ForecastInput, reviewersNeeded, runForecast } from '../../shared/index';
import { capacityRows, forecastSummary } from './forecast-summary';

/**
 * Worker side of the forecast pool: runs the engine for each `{ id, input }` message and also
 * shapes what gets stored (summary, report rows, the series as JSON text), so the main thread
 * receives one string and two small objects instead of cloning and serialising the forecast.
 */
parentPort?.on('message', ({ id, input }: { id: number; input: ForecastInput }) => {
  try {
    const forecast = runForecast(input);
    const needed = reviewersNeeded(input);
    parentPort?.postMessage({
      id,
      seriesJson: JSON.stringify(forecast),
      summary: forecastSummary(forecast, needed),
      report: capacityRows(forecast, needed),
    });
  } catch (error) {
    parentPort?.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
