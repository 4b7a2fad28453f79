// Entry of a forecast worker thread when the sources run (tests, tsx). Workers do not inherit the
// main thread's TypeScript loader, and registering tsx in each thread sent every module of the
// engine's graph through its loader (about 2 s of CPU a thread). Instead the worker module is
// bundled from its sources with esbuild (packages left to node_modules; about 0.5 s), written under
// node_modules/.cache so its packages resolve, imported, and the file removed; piscina gets its
// default export.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { threadId } from 'node:worker_threads';
import { build } from 'esbuild';

const root = new URL('../../', import.meta.url);
const { outputFiles } = await build({
  absWorkingDir: fileURLToPath(root),
  entryPoints: [fileURLToPath(new URL('./forecast-worker.ts', import.meta.url))],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: 'inline',
  write: false,
  logLevel: 'silent',
});
const folder = new URL('node_modules/.cache/forecast-worker/', root);
mkdirSync(folder, { recursive: true });
const file = new URL(`${process.pid}-${threadId}.mjs`, folder);
const [bundle] = outputFiles ?? [];
if (!bundle) throw new Error('esbuild wrote no forecast worker bundle');
writeFileSync(file, bundle.text);
const worker = await import(file.href).finally(() => rmSync(file, { force: true }));

export default worker.default;
