import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { build as bundle } from 'esbuild';
import { build as buildWeb } from 'vite';

/**
 * Compiles the server, its forecast worker and the slice worker process into `<root>/dist/server` (ES modules for Node 20,
 * packages left to node_modules, source maps beside them) and the web app into `<root>/dist/web`.
 */
export async function buildApp(root: string): Promise<void> {
  await buildWeb({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn' });
  const outdir = join(root, 'dist/server');
  rmSync(outdir, { recursive: true, force: true });
  await bundle({
    absWorkingDir: root,
    entryPoints: {
      index: 'server/index.ts',
      'forecast-worker': 'server/services/forecast-worker.ts',
      'slice-worker': 'server/cli/slice-worker.ts',
    },
    outdir,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    // Modules the server imports on demand (the Redis slice engine, the GitHub client) become chunks
    // of their own, so their packages load only when used, not with every start.
    splitting: true,
    sourcemap: true,
    logLevel: 'warning',
  });
}
