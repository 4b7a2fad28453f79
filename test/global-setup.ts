import { fileURLToPath } from 'node:url';
import { build } from 'vite';

/** Builds the web app once per test run, so browser tests exercise the real production bundle. */
export default async function setup(): Promise<void> {
  await build({ configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)), logLevel: 'warn' });
}
