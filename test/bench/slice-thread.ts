/**
 * A bench worker thread: simulates each Monte Carlo slice it is sent ({ input, slice }) and moves
 * the part back (its buffers transferred, not copied). Started by engine-threads.ts.
 */
import { parentPort } from 'node:worker_threads';
import { partBuffers } from '../../server/services/engine-tasks';
import { type ForecastInput, runSlice, type Slice } from '../../shared/index';

const port = parentPort;
if (!port) throw new Error('slice-thread.ts runs as a worker thread');
port.on('message', ({ input, slice }: { input: ForecastInput; slice: Slice }) => {
  const part = runSlice(input, slice);
  port.postMessage(part, partBuffers(part));
});
