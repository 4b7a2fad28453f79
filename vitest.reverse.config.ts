import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig, mergeConfig } from 'vitest/config';
import suite from './vitest.config';

/** The runner that runs every file's tests in the reverse of their written order. */
export const reverseOrderRunner = fileURLToPath(
  new URL('test/helpers/reverse-order-runner.ts', import.meta.url),
);

/**
 * The unit, property, API and process tests with every file's tests in reverse order (`npm run test:reverse`):
 * with the written order of `vitest run`, each pair of tests in a file has run both ways round. The Chromium
 * tests (test/web) are left out. `npm test` runs the files whose tests once depended on their order this way
 * (test/order/reverse-files.config.ts, from test/order/reverse-order.test.ts); this runs them all.
 */
export default mergeConfig(
  suite,
  defineConfig({ test: { runner: reverseOrderRunner, exclude: [...configDefaults.exclude, 'test/web/**'] } }),
);
