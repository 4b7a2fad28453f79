import { defineConfig } from 'vitest/config';
import base from './vitest.config';

/**
 * The tests `npm run mutation` runs against each mutant: those that exercise the mutated folders
 * in this process (no child-process, browser or benchmark tests, which would run unmutated code).
 * No global setup: `npm run mutation` builds the web app once before Stryker copies the project.
 */
const accessTests = [
  'test/server/auth.test.ts',
  'test/server/session-expiry.test.ts',
  'test/server/api-token-lifetime.test.ts',
  'test/server/access-gates.test.ts',
  'test/server/api-token-records.test.ts',
];
const middlewareTests = [
  'test/server/middleware/*.test.ts',
  'test/server/event-loop-turns.test.ts',
  'test/server/request-log.test.ts',
  'test/server/trust-proxy.test.ts',
  'test/server/hardening/rate-limit.test.ts',
  'test/server/hardening/security-headers.test.ts',
  'test/server/hardening/hostile-requests.test.ts',
];
const schedulerTests = [
  'test/server/alerts/*.test.ts',
  'test/server/history/github-sync.test.ts',
  'test/server/history/github-sync-scheduler.test.ts',
];
const engineTests = ['test/shared/**/*.test.ts'];
const serverTests = [...accessTests, ...middlewareTests, ...schedulerTests];
/** The tests of each MUTATION_SCOPE (see stryker.config.mjs). */
const scopeTests: Record<string, string[]> = {
  access: accessTests,
  middleware: middlewareTests,
  scheduler: schedulerTests,
  server: serverTests,
  engine: engineTests,
  all: [...engineTests, ...serverTests],
};

/**
 * MUTATION_EXCLUDE_TESTS=file,file: tests left out of a run, such as the oracle comparison
 * (minutes per run, and over its 120 s timeout on a busy machine) when the files mutated are not
 * the queue model's.
 */
const excluded = (process.env.MUTATION_EXCLUDE_TESTS ?? '').split(',').filter(Boolean);
/**
 * MUTATION_TESTS=file,file: only these tests, for a run of a few files (`--mutate`) against their
 * own tests, e.g. the middleware every HTTP test passes through, which would otherwise rerun
 * every HTTP test of the scope for each of its mutants.
 */
const only = (process.env.MUTATION_TESTS ?? '').split(',').filter(Boolean);

export default defineConfig({
  test: {
    ...base.test,
    // Each test file on a fresh module graph, as Stryker's runs were measured with (the suite shares one).
    isolate: true,
    include: only.length > 0 ? only : scopeTests[process.env.MUTATION_SCOPE ?? 'all'],
    exclude: ['test/server/alerts/processes.test.ts', ...excluded],
    // A mutant that hangs is Stryker's timeout to report; this only keeps the coverage-instrumented
    // dry run of slow tests (password hashing in the login limits) from failing on a busy machine.
    testTimeout: 120_000,
    globalSetup: [],
  },
});
