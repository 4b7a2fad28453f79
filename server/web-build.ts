import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** What the browser bundle is built from: a change to any of them makes a build stale. */
const buildInputs = ['web', 'shared', 'vite.config.ts', 'package-lock.json'].map((path) => join(root, path));

/** Latest modification time (ms) of a file or of any file under a folder; 0 when missing. */
export function newestChange(path: string): number {
  if (!existsSync(path)) return 0;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestChange(join(path, name))), 0);
}

/** Whether the build's index.html is missing or older than one of `inputs`. */
export function isBuildStale(webDist: string, inputs: readonly string[] = buildInputs): boolean {
  const index = join(webDist, 'index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  return inputs.some((input) => newestChange(input) > built);
}

/**
 * Builds the browser app with Vite when `webDist` holds no build (first start on a fresh clone)
 * or one older than its sources (start after a pull), so `npm start` never serves a stale app.
 */
export async function ensureWebBuild(webDist: string): Promise<void> {
  if (!isBuildStale(webDist)) return;
  console.log(`The web build in ${webDist} is missing or older than its sources: building it with Vite...`);
  const { build } = await import('vite');
  await build({
    configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)),
    build: { outDir: resolve(webDist) },
    logLevel: 'warn',
  });
}
