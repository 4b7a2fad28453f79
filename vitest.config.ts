import { defineConfig } from 'vitest/config';

/**
 * One suite: unit, property, API and browser tests under test/. Files share one module graph in
 * their worker (`isolate: false`): a fresh fork per file spent about 4 s of CPU importing the server's
 * packages again, 156 s of a 1,129 s CI run. The tests pass configuration explicitly (loadConfig(env)),
 * server modules read no environment at import, and the files that spy or fake timers restore them
 * in afterEach; each file still starts and cleans up its own servers, databases and browsers.
 *
 * Two files at a time (`maxWorkers: 2`, one shared process each): Vitest's default on 2 cores is
 * cores - 1, one file at a time, which leaves a core idle through every single-threaded unit and API
 * file and through the waits of the browser and process files (Chromium, server processes, sleeps).
 */
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
    isolate: false,
  },
});
