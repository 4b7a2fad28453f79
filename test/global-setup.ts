import { fileURLToPath } from 'node:url';
import { buildApp } from '../scripts/build-app';
import { isAppBuildStale } from '../scripts/build-freshness.mjs';

/**
 * Builds the server and the web app into dist/ when the build is missing or older than its sources
 * (always on a fresh checkout), so process and browser tests run the compiled server and the real
 * production bundle. A run over a fresh build skips the build (about 20 s of one core) and leaves
 * dist/ as it is for a run already using it.
 */
export default async function setup(): Promise<void> {
  const root = fileURLToPath(new URL('..', import.meta.url));
  if (isAppBuildStale(root)) await buildApp(root);
}
