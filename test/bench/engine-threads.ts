/**
 * Worker threads for the engine bench: one Monte Carlo forecast split into one run-range slice
 * per thread (planSlices), simulated at once, merged on the calling thread (mergeSlices, the same
 * bytes as runMonteCarlo). The worker (slice-thread.ts) is bundled with esbuild first, so threads
 * start without a TypeScript loader.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { build } from 'esbuild';
import {
  type Forecast,
  type ForecastInput,
  mergeSlices,
  planSlices,
  type SlicePart,
} from '../../shared/index';

export interface SliceThreads {
  /** The forecast of `input`, its runs split over the threads. */
  run(input: ForecastInput): Promise<Forecast>;
  close(): Promise<void>;
}

const root = new URL('../../', import.meta.url);

/** Starts `count` worker threads. */
export const startSliceThreads = async (count: number): Promise<SliceThreads> => {
  const folder = new URL('node_modules/.cache/engine-bench/', root);
  mkdirSync(folder, { recursive: true });
  const file = new URL(`slice-thread-${process.pid}.mjs`, folder);
  await build({
    absWorkingDir: fileURLToPath(root),
    entryPoints: [fileURLToPath(new URL('./slice-thread.ts', import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outfile: fileURLToPath(file),
    logLevel: 'silent',
  });
  const workers = Array.from({ length: count }, () => new Worker(file));
  // Only this slice's own listeners are removed after it: the worker's internal ones (which keep its
  // port referenced while a 'message' listener is on) must stay.
  const slice = (worker: Worker, message: unknown) =>
    new Promise<SlicePart>((resolve, reject) => {
      const done = (part: SlicePart) => {
        worker.off('error', fail);
        resolve(part);
      };
      const fail = (error: Error) => {
        worker.off('message', done);
        reject(error);
      };
      worker.once('message', done);
      worker.once('error', fail);
      worker.postMessage(message);
    });
  return {
    run: async (input) => {
      const parts = await Promise.all(
        planSlices(input, count).map((s, i) => slice(workers[i]!, { input, slice: s })),
      );
      return mergeSlices(input, parts);
    },
    close: async () => {
      await Promise.all(workers.map((worker) => worker.terminate()));
      rmSync(file, { force: true });
    },
  };
};
