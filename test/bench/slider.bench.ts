/**
 * Editor slider benchmark: `npx tsx test/bench/slider.bench.ts` (after `npm run build`, as
 * `npm run bench` does). Starts the real server on a temporary database with the demo org (40
 * teams), opens the scenario editor in Chromium and presses the layoff, AI-adoption and review-hours
 * sliders 30 times, reading the app's measures (web/perf.ts): "lever-to-redraw" (slider input to
 * the chart drawn with that input's forecast), "lever-to-frame" (to the start of the frame that
 * paints it) and the stages in between (web/workers/engine-client.ts, measureStages; the mean path
 * splits its teams over navigator.hardwareConcurrency - 1 workers, see engineWorkerCount); then 15 presses
 * each made while the Monte Carlo bands of the last input compute. Same-run baseline:
 * "input-to-frame", a mark followed by the next animation frame with no engine work, the floor of
 * any painted redraw on this machine at this moment; and the same presses on a page told of one
 * core, whose mean path runs on one worker (the split's baseline). The machine's load averages are recorded.
 */
import { loadavg } from 'node:os';
import type { Page } from 'playwright-core';
import { adminEmail, adminPassword, startPlannerBrowser } from '../helpers/planner-browser';
import { recordFigures } from './figures';

const PRESSES = 30;
const BANDS_PRESSES = 15;
const levers = ['#lever-layoff', '#lever-ai', '#lever-review-hours'] as const;
const keys = ['ArrowRight', 'ArrowLeft'] as const;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};
const row = (name: string, values: number[]) => ({
  case: name,
  medianMs: Number(median(values).toFixed(1)),
  maxMs: Number(Math.max(...values).toFixed(1)),
  samples: values.length,
});
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

const env = await startPlannerBrowser();
/** A new scenario in the editor, its bands in; `cores`: the navigator.hardwareConcurrency the page is told. */
const openEditor = async (cores?: number) => {
  const { page } = await env.open({ width: 1440, height: 900 });
  if (cores !== undefined)
    await page.addInitScript((n) => {
      Object.defineProperty(Navigator.prototype, 'hardwareConcurrency', { get: () => n });
    }, cores);
  await env.signIn(page, { as: { email: adminEmail, password: adminPassword }, path: '/scenarios/new' });
  await page.getByText(/P10-P90 bands from \d+ Monte Carlo runs/).waitFor({ timeout: 240_000 });
  return page;
};
/** {@link PRESSES} lever presses on `page`, each waiting for the frame that paints its forecast. */
const press = async (page: Page) => {
  const count = () => page.evaluate(() => performance.getEntriesByName('lever-to-frame').length);
  for (let i = 0; i < PRESSES; i++) {
    const before = await count();
    await page.focus(levers[i % levers.length]!);
    await page.keyboard.press(keys[Math.floor(i / levers.length) % 2]!);
    await page.waitForFunction((n) => performance.getEntriesByName('lever-to-frame').length > n, before);
  }
};
try {
  const page = await openEditor();
  const loadBefore = load();
  await press(page);
  const count = () => page.evaluate(() => performance.getEntriesByName('lever-to-frame').length);
  const durations = (name: string) =>
    page.evaluate((n) => performance.getEntriesByName(n).map((entry) => entry.duration), name);
  const redraws = await durations('lever-to-redraw');
  const painted = await durations('lever-to-frame');
  /** The measures of the presses above, before the presses below add theirs. */
  const measured = await page.evaluate(() =>
    performance.getEntriesByType('measure').map((entry) => [entry.name, entry.duration] as const),
  );
  const stage = (name: string) =>
    measured
      .filter(([n]) => n === name)
      .map(([, duration]) => duration)
      .slice(-PRESSES);
  /** Helpers' ranges of the presses' mean paths (one a helper a press; none when the mean path is not split). */
  const helperRanges = measured
    .filter(([n]) => n === 'mean-helper-range')
    .map(([, duration]) => duration)
    .slice(-PRESSES * Math.max(0, (await page.evaluate(() => navigator.hardwareConcurrency)) - 1));
  // Presses while the Monte Carlo bands of the last input compute (the editor starts them 300 ms
  // after an input): a lever move then must not wait for the Monte Carlo slice in progress.
  const duringBands: Record<'redraw' | 'toWorker', number[]> = { redraw: [], toWorker: [] };
  for (let i = 0; i < BANDS_PRESSES; i++) {
    await page.locator('#mc-progress').waitFor();
    const before = await count();
    await page.focus(levers[i % levers.length]!);
    await page.keyboard.press(keys[i % 2]!);
    await page.waitForFunction((n) => performance.getEntriesByName('lever-to-frame').length > n, before);
    duringBands.redraw.push((await durations('lever-to-redraw')).at(-1)!);
    duringBands.toWorker.push((await durations('mean-to-worker')).at(-1)!);
  }
  const frames: number[] = [];
  for (let i = 0; i < PRESSES; i++)
    frames.push(
      await page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const start = performance.now();
            requestAnimationFrame(() => resolve(performance.now() - start));
          }),
      ),
    );
  await page.close();
  // Same-run baseline of the split: the page told of one core runs the mean path on one worker
  // (Monte Carlo keeps its one worker: hardwareConcurrency - 1, at least one).
  const single = await openEditor(1);
  await press(single);
  const singleMeasures = await single.evaluate(() =>
    performance.getEntriesByType('measure').map((entry) => [entry.name, entry.duration] as const),
  );
  await single.close();
  const singleOf = (name: string) =>
    singleMeasures
      .filter(([n]) => n === name)
      .map(([, duration]) => duration)
      .slice(-PRESSES);
  const rows = [
    row('slider input -> chart drawn with its forecast (editor, demo org 40 teams)', redraws),
    row('slider input -> start of the frame that paints it', painted),
    row('  of which: page from input to the job posted (state, address)', stage('lever-to-send')),
    row('  of which: job to the worker (clone without the resident org, queue)', stage('mean-to-worker')),
    row('  of which: zod parse of the input in the worker', stage('mean-parse')),
    row(
      "  of which: engine mean path in the worker (the lead worker's range of teams when split)",
      stage('mean-engine'),
    ),
    row("  of which: waiting for the helpers' team ranges and merging them (0 unsplit)", stage('mean-merge')),
    row('  of which: packing the forecast into typed arrays', stage('mean-pack')),
    row('  of which: forecast back to the page (typed arrays transferred)', stage('mean-to-page')),
    row('  of which: unpacking the forecast in the page (a view per series)', stage('mean-unpack')),
    row('  of which: page from forecast to drawn chart', stage('forecast-to-redraw')),
    // Only when the mean path was split (3 or more cores): no helper, no row (not a NaN median).
    ...(helperRanges.length > 0
      ? [row('  beside the lead: a helper worker computing its range of teams', helperRanges)]
      : []),
    row('slider input while the Monte Carlo bands compute -> chart drawn', duringBands.redraw),
    row('  of which: job to the worker (the bands run in another worker)', duringBands.toWorker),
    row(
      'baseline: the same presses with the mean path on one worker (page told of 1 core) -> chart drawn',
      singleOf('lever-to-redraw'),
    ),
    row('  of which: engine mean path in the one worker', singleOf('mean-engine')),
    row('baseline: mark -> next animation frame, no engine work', frames),
  ].map((r) => ({ ...r, load: `${loadBefore} -> ${load()}` }));
  console.table(rows);
  recordFigures(
    'slider',
    rows,
    'Target: slider to redraw <= 16 ms median. Headless Chromium without a GPU, on the shared machine; load = 1, 5 and 15 minute load averages before -> after the presses (2 cores).',
  );
} finally {
  await env.close();
}
