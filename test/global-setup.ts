import { fileURLToPath } from 'node:url';
import { buildApp } from '../scripts/build-app';

/**
 * Builds the server and the web app into dist/ once per test run, so process and browser tests
 * run the compiled server and the real production bundle.
 */
export default async function setup(): Promise<void> {
  await buildApp(fileURLToPath(new URL('..', import.meta.url)));
}
