/**
 * Progressive bands benchmark: `npx tsx test/bench/bands.bench.ts` (after `npm run build`, as
 * `npm run bench` does). Starts the real server with the demo org (40 teams), opens the scenario
 * editor in Chromium and, PRESSES times, presses a lever's key (a keyboard step is the slider's
 * input and its release at once), then waits for the bands of all the editor's runs. Times from the
 * press (the app's "lever-input" mark) to the first bands and to the bands of all runs, read from
 * the lead engine worker's messages. Once with the machine's own core count (Monte Carlo on
 * hardwareConcurrency - 1 workers) and once reporting 4 cores (a lead and 2 helpers): a same-run
 * comparison of the split on this machine. A released slider starts its Monte Carlo at once
 * (the key press's change event; the editor waits 300 ms for a still input only while a slider is
 * held), on workers started while the previous job was cancelled. Load averages are recorded.
 */
import { cpus, loadavg } from 'node:os';
import type { Page } from 'playwright-core';
import { adminEmail, adminPassword, startPlannerBrowser } from '../helpers/planner-browser';
import { recordFigures } from './figures';

const PRESSES = 6;
const levers = ['#lever-layoff', '#lever-ai', '#lever-review-hours'] as const;

interface Arrival {
  type: string;
  job: number;
  at: number;
}

/**
 * Page script (plain JavaScript: tsx would name the class and the function with a helper the page
 * lacks): reports `cores` cores unless 0, and logs the engine workers' messages with their arrival
 * time in `window.arrivals`.
 */
const logArrivals = (cores: number) => `
  if (${cores} > 0) Object.defineProperty(Navigator.prototype, 'hardwareConcurrency', { get: () => ${cores} });
  window.arrivals = [];
  const Original = window.Worker;
  window.Worker = class extends Original {
    constructor(url, options) {
      super(url, options);
      this.addEventListener('message', (event) => {
        window.arrivals.push({ type: event.data.type, job: event.data.job, at: performance.now() });
      });
    }
  };
`;

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

/**
 * Moves the focused lever one step without letting it go: an input event alone, as while a
 * slider is dragged and held still (no change event), so the editor waits its 300 ms.
 */
const holdStep = (page: Page, lever: string, direction: number) =>
  page.$eval(
    lever,
    (element, step) => {
      const slider = element as HTMLInputElement;
      slider.value = String(slider.valueAsNumber + step * Number(slider.step));
      slider.dispatchEvent(new Event('input', { bubbles: true }));
    },
    direction,
  );

/**
 * Press (or, with `held`, an input without release) to first bands and to all runs' bands, ms,
 * for each of PRESSES moves.
 */
async function pressAndTime(page: Page, held: boolean) {
  const first: number[] = [];
  const all: number[] = [];
  for (let i = 0; i < PRESSES; i++) {
    await page.focus(levers[i % levers.length]!);
    const pressedAt = await page.evaluate(
      () => (window as unknown as { arrivals: Arrival[] }).arrivals.length,
    );
    if (held) await holdStep(page, levers[i % levers.length]!, i % 2 ? -1 : 1);
    else await page.keyboard.press(i % 2 ? 'ArrowLeft' : 'ArrowRight');
    await page.waitForFunction(
      (from) =>
        (window as unknown as { arrivals: Arrival[] }).arrivals
          .slice(from)
          .some((a) => a.type === 'reviewers'),
      pressedAt,
      { timeout: 240_000 },
    );
    const times = await page.evaluate((from) => {
      const arrivals = (window as unknown as { arrivals: Arrival[] }).arrivals.slice(from);
      const input = performance.getEntriesByName('lever-input').at(-1)!.startTime;
      const job = arrivals.find((a) => a.type === 'reviewers')!.job;
      const ofJob = arrivals.filter((a) => a.job === job);
      return {
        first: ofJob.find((a) => a.type === 'bands' || a.type === 'result')!.at - input,
        all: ofJob.find((a) => a.type === 'result')!.at - input,
      };
    }, pressedAt);
    first.push(times.first);
    all.push(times.all);
  }
  return { first, all };
}

const env = await startPlannerBrowser();
try {
  const rows = [];
  /** Released key presses on this machine's cores and on 4 reported, and the same-run baseline: held inputs. */
  const cases = [
    { cores: 0, held: false },
    { cores: 0, held: true },
    { cores: 4, held: false },
  ];
  for (const { cores, held } of cases) {
    const { page } = await env.open({ width: 1440, height: 900 });
    await page.addInitScript({ content: logArrivals(cores) });
    await env.signIn(page, { as: { email: adminEmail, password: adminPassword }, path: '/scenarios/new' });
    await page.getByText(/P10-P90 bands from \d+ Monte Carlo runs/).waitFor({ timeout: 240_000 });
    const shown = await page.getByText(/P10-P90 bands from \d+ Monte Carlo runs/).textContent();
    const runs = Number(shown?.match(/from (\d+) Monte Carlo/)?.[1]);
    const workers = Math.max(1, (cores || cpus().length) - 1);
    const before = load();
    const { first, all } = await pressAndTime(page, held);
    const label = `${workers} Monte Carlo worker${workers > 1 ? 's' : ''}${cores ? ` (${cores} cores reported)` : ' (this machine)'}, demo org, ${runs} runs, ${held ? 'held input (baseline: 300 ms wait)' : 'released'}`;
    const loads = `${before} -> ${load()}`;
    rows.push(
      {
        case: `${label}: input -> first bands`,
        medianMs: Math.round(median(first)),
        maxMs: Math.round(Math.max(...first)),
        samples: first.length,
        load: loads,
      },
      {
        case: `${label}: input -> bands of all runs`,
        medianMs: Math.round(median(all)),
        maxMs: Math.round(Math.max(...all)),
        samples: all.length,
        load: loads,
      },
    );
    await page.close();
  }
  console.table(rows);
  recordFigures(
    'bands',
    rows,
    'Targets (#15): first bands <= 250 ms after a slider is released, all runs <= 1 s. A key press is an input and a release: Monte Carlo starts at the release. Baseline in the same run: an input event alone (a held slider), after which the editor waits 300 ms for a still input, as every move did before. Headless Chromium, 2 shared cores (navigator.hardwareConcurrency 2 here); load = 1, 5 and 15 minute load averages before -> after the presses.',
  );
} finally {
  await env.close();
}
