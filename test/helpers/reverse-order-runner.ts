import { type RunnerTestSuite, TestRunner } from 'vitest';

/**
 * Runs the tests and blocks of every file and `describe` in the reverse of their written order (hooks
 * unchanged). With the written order of the main run, every pair of tests runs both ways round, so a test
 * that needs an earlier one's state, or breaks on a later one's leftovers, fails in one of the two runs.
 */
export default class ReverseOrderRunner extends TestRunner {
  override async onBeforeRunSuite(suite: RunnerTestSuite): Promise<void> {
    suite.tasks.reverse();
    await super.onBeforeRunSuite(suite);
  }
}
