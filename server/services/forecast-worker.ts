import { parentPort } from 'node:worker_threads';
import { type ForecastInput, reviewersNeeded, runForecast } from '../../shared/index';

/** Worker side of the forecast pool: runs the engine for each `{ id, input }` message. */
parentPort?.on('message', ({ id, input }: { id: number; input: ForecastInput }) => {
  try {
    parentPort?.postMessage({ id, forecast: runForecast(input), needed: reviewersNeeded(input) });
  } catch (error) {
    parentPort?.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
