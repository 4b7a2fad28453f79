import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { reverseOrderRunner } from '../../vitest.reverse.config';

/**
 * Files whose tests once needed an earlier test's state or broke on a later one's leftovers (issue 16
 * point 7), run with every file's tests and blocks in reverse order by the suite's order check
 * (test/order/reverse-order.test.ts). The dist/ build they use is the one the suite's global setup made.
 */
export const onceOrderDependent = [
  'test/server/org-settings.test.ts',
  'test/server/forecast-memo.test.ts',
  'test/server/history/github-import.test.ts',
  'test/server/history/github-sync-api.test.ts',
  'test/server/planner/alert-rule-edit.test.ts',
];

export default defineConfig({
  test: {
    root: fileURLToPath(new URL('../..', import.meta.url)),
    include: onceOrderDependent,
    runner: reverseOrderRunner,
    pool: 'forks',
    // One module graph for the files, as in the suite's own run (vitest.config.ts).
    isolate: false,
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
