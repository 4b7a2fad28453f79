import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * Test files run at once: one more than the cores. Most files spend much of their time waiting on
 * servers, kills, Chromium and forecasts in other processes, and with Vitest's default of one fewer
 * than the cores a 2-core machine ran every file one after another with the cores half idle.
 */
const maxWorkers = availableParallelism() + 1;

/** One suite: unit, property, API and browser tests under test/. */
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers,
  },
});
