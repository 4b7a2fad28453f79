// `npm start`: builds dist/ when it is missing or older than the sources (a fresh clone, a pull),
// then runs the compiled server in this process. Neither Vite nor tsx is loaded here: a build runs
// as a child process, and an installation without dev dependencies needs a dist/ already built.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isAppBuildStale } from './build-freshness.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

if (isAppBuildStale(root)) {
  if (!existsSync(join(root, 'node_modules/tsx'))) {
    console.error(
      'dist/ is missing or stale and the dev dependencies are not installed: run npm ci, then npm start.',
    );
    process.exit(1);
  }
  console.log('The build in dist/ is missing or older than its sources: building it (npm run build)...');
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build.ts'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
process.setSourceMapsEnabled(true);
await import(pathToFileURL(join(root, 'dist/server/index.js')).href);
