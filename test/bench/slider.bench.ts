/**
 * Editor slider benchmark: `npx tsx test/bench/slider.bench.ts` (after `npm run build`, as
 * `npm run bench` does). Starts the real server on a temporary database with the demo org (40
 * teams), opens the scenario editor in Chromium and presses the layoff, AI-adoption and review-hours
 * sliders 30 times, reading the app's "lever-to-redraw" measures (slider input to redrawn chart,
 * web/perf.ts). Same-run baseline: "input-to-frame", a mark followed by the next two animation
 * frames with no engine work, the floor of any redraw on this machine at this moment.
 */
import { adminEmail, adminPassword, startPlannerBrowser } from '../helpers/planner-browser';
import { recordFigures } from './figures';

const PRESSES = 30;
const levers = ['#lever-layoff', '#lever-ai', '#lever-review-hours'] as const;
const keys = ['ArrowRight', 'ArrowLeft'] as const;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

const env = await startPlannerBrowser();
try {
  const { page } = await env.open({ width: 1440, height: 900 });
  await env.signIn(page, { as: { email: adminEmail, password: adminPassword }, path: '/scenarios/new' });
  await page.getByText(/P10-P90 bands from \d+ Monte Carlo runs/).waitFor({ timeout: 240_000 });
  const count = () => page.evaluate(() => performance.getEntriesByName('lever-to-redraw').length);
  for (let i = 0; i < PRESSES; i++) {
    const before = await count();
    await page.focus(levers[i % levers.length]!);
    await page.keyboard.press(keys[Math.floor(i / levers.length) % 2]!);
    await page.waitForFunction((n) => performance.getEntriesByName('lever-to-redraw').length > n, before);
  }
  const redraws = await page.evaluate(() =>
    performance.getEntriesByName('lever-to-redraw').map((entry) => entry.duration),
  );
  const frames: number[] = [];
  for (let i = 0; i < PRESSES; i++)
    frames.push(
      await page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const start = performance.now();
            requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - start)));
          }),
      ),
    );
  const rows = [
    {
      case: 'slider input -> redrawn chart (editor, demo org 40 teams)',
      medianMs: median(redraws),
      maxMs: Math.max(...redraws),
      samples: redraws.length,
    },
    {
      case: 'baseline: mark -> second animation frame, no engine work',
      medianMs: median(frames),
      maxMs: Math.max(...frames),
      samples: frames.length,
    },
  ].map((row) => ({
    ...row,
    medianMs: Number(row.medianMs.toFixed(1)),
    maxMs: Number(row.maxMs.toFixed(1)),
  }));
  console.table(rows);
  recordFigures(
    'slider',
    rows,
    'Target: slider to redraw <= 16 ms median. Headless Chromium without a GPU, on the shared machine.',
  );
} finally {
  await env.close();
}
