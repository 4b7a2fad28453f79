import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import solid from 'vite-plugin-solid';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** Builds the browser app from web/ into dist/web, which the server serves at `/`. */
export default defineConfig({
  root: here('./web'),
  plugins: [solid()],
  build: { outDir: here('./dist/web'), emptyOutDir: true, target: 'es2022' },
  worker: { format: 'es' },
  server: { proxy: { '/api': 'http://localhost:8787' } },
});
