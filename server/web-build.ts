import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Builds the browser app with Vite when `webDist` holds no build yet (first start on a fresh clone). */
export async function ensureWebBuild(webDist: string): Promise<void> {
  if (existsSync(join(webDist, 'index.html'))) return;
  console.log(`No web build in ${webDist}: building it once with Vite...`);
  const { build } = await import('vite');
  await build({
    configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)),
    build: { outDir: resolve(webDist) },
    logLevel: 'warn',
  });
}
