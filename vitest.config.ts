import { defineConfig } from 'vitest/config';

/**
 * One suite: unit, property, API and browser tests under test/. Files share one module graph in
 * their worker (`isolate: false`): a fresh fork per file spent about 4 s of CPU importing the server's
 * packages again, 156 s of a 1,129 s CI run. The tests pass configuration explicitly (loadConfig(env)),
 * server modules read no environment at import, and the files that spy or fake timers restore them
 * in afterEach; each file still starts and cleans up its own servers, databases and browsers.
 */
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    isolate: false,
  },
});
