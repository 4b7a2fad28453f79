import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const out = mkdtempSync(join(tmpdir(), 'test-order-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

interface JsonReport {
  testResults: { assertionResults: { fullName: string; status: string }[] }[];
}

/** Runs a child vitest with `config`; the status of each test by name. */
const runChild = (config: string, order: 'written' | 'reverse') =>
  new Promise<Record<string, string>>((resolve, reject) => {
    const report = join(out, `${order}-${config.replace(/\W/g, '-')}.json`);
    const args = ['node_modules/vitest/vitest.mjs', 'run', '--config', config];
    execFile(
      process.execPath,
      [...args, '--reporter=json', `--outputFile=${report}`],
      { cwd: root, env: { ...process.env, TEST_ORDER: order } },
      () => {
        try {
          const { testResults } = JSON.parse(readFileSync(report, 'utf8')) as JsonReport;
          const results = testResults.flatMap((file) => file.assertionResults);
          resolve(Object.fromEntries(results.map((test) => [test.fullName, test.status])));
        } catch (error) {
          reject(error);
        }
      },
    );
  });

/** Runs the order fixtures in a child vitest, `order` as written or reversed. */
const runFixtures = (order: 'written' | 'reverse') => runChild('test/order/fixtures/vitest.config.ts', order);

describe('tests independent of order', () => {
  it('runs the suite but the Chromium tests with every file in reverse order by npm run test:reverse', () => {
    const { scripts } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    expect(scripts['test:reverse']).toBe('vitest run --config vitest.reverse.config.ts');
  });

  it('passes order-dependent tests in their written order', async () => {
    expect(await runFixtures('written')).toEqual({
      'a test that needs an earlier test saves a scenario': 'passed',
      'a test that needs an earlier test lists the scenario the test above saved': 'passed',
      'a test broken by a later test starts from no teams': 'passed',
      'a test broken by a later test adds a team and leaves it behind': 'passed',
      'tests that set up what they need counts its own scenarios': 'passed',
      'tests that set up what they need counts its own teams': 'passed',
    });
  });

  it('fails, in reverse order, a test that needs an earlier one and a test broken by a later one', async () => {
    expect(await runFixtures('reverse')).toEqual({
      'a test that needs an earlier test saves a scenario': 'passed',
      'a test that needs an earlier test lists the scenario the test above saved': 'failed',
      'a test broken by a later test starts from no teams': 'failed',
      'a test broken by a later test adds a team and leaves it behind': 'passed',
      'tests that set up what they need counts its own scenarios': 'passed',
      'tests that set up what they need counts its own teams': 'passed',
    });
  });

  it('passes, with their tests in reverse order, the files whose tests once depended on their order', async () => {
    const results = await runChild('test/order/reverse-files.config.ts', 'reverse');
    const failed = Object.entries(results).filter(([, status]) => status !== 'passed');
    expect(Object.keys(results).length).toBeGreaterThan(40);
    expect(failed).toEqual([]);
  }, 300_000);
});
