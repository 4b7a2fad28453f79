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
];

export default defineConfig({
  test: {
    ...base.test,
    include:
      process.env.MUTATION_SCOPE === 'access'
        ? accessTests
        : [
            'test/shared/**/*.test.ts',
            'test/server/auth.test.ts',
            'test/server/session-expiry.test.ts',
            'test/server/api-token-lifetime.test.ts',
            'test/server/event-loop-turns.test.ts',
            'test/server/alerts/*.test.ts',
            'test/server/hardening/rate-limit.test.ts',
            'test/server/hardening/security-headers.test.ts',
            'test/server/hardening/hostile-requests.test.ts',
          ],
    exclude: ['test/server/alerts/processes.test.ts'],
    globalSetup: [],
  },
});
