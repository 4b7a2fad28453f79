import type { Page } from 'playwright-core';
import { expect } from 'vitest';

const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Leaves the scenario editor for Teams while Monte Carlo refines its bands (past the
 * unsaved-changes question), then checks that `work` (a count of what the engine workers have
 * computed) stops growing: after 300 ms it must stay the same for 1.5 s.
 */
export async function expectLeavingStopsWork(page: Page, work: () => Promise<unknown>): Promise<void> {
  await page.getByText(/bands from the first \d+ of 100 runs, refining/).waitFor();
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('link', { name: 'Teams', exact: true }).click();
  await page.getByRole('heading', { name: /^Teams/ }).waitFor();
  await settle(300);
  const stopped = await work();
  await settle(1_500);
  expect(await work()).toEqual(stopped);
}

/** A message of the lead engine worker, as the Chromium tests log them. */
interface LoggedMessage {
  type: string;
  done?: number;
}

/**
 * Checks the messages of one 100-run Monte Carlo job: progress in order up to 100 runs, the first
 * bands from the first tenth of the runs (10 to 29 of them), and the result after them.
 */
export function expectProgressiveBands(ofJob: readonly LoggedMessage[]): void {
  const firstBands = ofJob.find((m) => m.type === 'bands')!;
  expect(firstBands.done).toBeGreaterThanOrEqual(10);
  expect(firstBands.done).toBeLessThan(30);
  const progress = ofJob.filter((m) => m.type === 'progress').map((m) => m.done!);
  expect(progress).toEqual([...progress].sort((a, b) => a - b));
  expect(progress.at(-1)).toBe(100);
  const types = ofJob.map((m) => m.type);
  expect(types).toContain('result');
  expect(types.indexOf('result')).toBeGreaterThan(types.indexOf('bands'));
}
