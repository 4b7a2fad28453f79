// The compiled engine worker (dist/server, built by the test global setup: a thread starts in
// milliseconds, without the TypeScript loader) with test controls. Its piscina workerData says:
// `delayMs` to wait before running the real engine, and `exits`, an Int32Array on shared memory
// counting how many runs may still end their thread with process.exit (shared by all threads).
import { workerData } from 'piscina';

const engine = await import(new URL('../../dist/server/forecast-worker.js', import.meta.url).href);

/**
 * @param {import('../../shared/index').ForecastInput} input
 * @returns {Promise<import('../../server/services/forecast-pool').EngineResult>}
 */
export default async function slowEngine(input) {
  const { delayMs, exits } = /** @type {{ delayMs: number, exits?: Int32Array }} */ (workerData);
  if (exits && Atomics.sub(exits, 0, 1) > 0) process.exit(7);
  await new Promise((resolve) => setTimeout(resolve, delayMs));
  return engine.default(input);
}
