// Entry of a forecast worker thread: registers the TypeScript loader (workers do not inherit
// tsx from the main thread), then loads the worker module.
import { register } from 'tsx/esm/api';

register();
await import(new URL('./forecast-worker.ts', import.meta.url).href);
