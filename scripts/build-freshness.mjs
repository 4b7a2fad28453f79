import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Latest modification time (ms) of a file or of any file under a folder; 0 when missing.
 * @param {string} path
 * @returns {number}
 */
export function newestChange(path) {
  if (!existsSync(path)) return 0;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestChange(join(path, name))), 0);
}

/**
 * Whether the build output `output` (a file) is missing or older than one of `inputs`; inputs
 * that do not exist (a production copy holds no sources) count as unchanged.
 * @param {string} output
 * @param {readonly string[]} inputs
 * @returns {boolean}
 */
export function isBuildStale(output, inputs) {
  if (!existsSync(output)) return true;
  const built = statSync(output).mtimeMs;
  return inputs.some((input) => newestChange(input) > built);
}

/**
 * What `npm run build` reads: a change to any of them makes the build in dist/ stale.
 * @param {string} root the project folder
 * @returns {string[]}
 */
export const buildInputs = (root) =>
  ['server', 'shared', 'web', 'scripts', 'vite.config.ts', 'tsconfig.json', 'package-lock.json'].map((path) =>
    join(root, path),
  );

/**
 * What `npm run build` writes: the compiled server, its forecast worker, the slice worker and the web app's page.
 * @param {string} root the project folder
 * @returns {string[]}
 */
export const buildOutputs = (root) =>
  [
    'dist/server/index.js',
    'dist/server/forecast-worker.js',
    'dist/server/slice-worker.js',
    'dist/web/index.html',
  ].map((path) => join(root, path));

/**
 * Whether any build output under `root` is missing or older than the sources.
 * @param {string} root the project folder
 * @returns {boolean}
 */
export const isAppBuildStale = (root) =>
  buildOutputs(root).some((output) => isBuildStale(output, buildInputs(root)));
