// Entry of a forecast worker thread when the sources run (tests, tsx): registers the TypeScript
// loader (workers do not inherit it from the main thread), then hands piscina the worker module's
// default export.
import { register } from 'tsx/esm/api';

register();
const worker = await import(new URL('./forecast-worker.ts', import.meta.url).href);

export default worker.default;
