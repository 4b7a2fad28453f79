import { expect, it } from 'vitest';
import { browserTestTimeoutMs, describeInBrowser } from '../helpers/planner-browser';

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2027-01-04" as "Jan 2027", the month-year tick expected on a year-long axis (stated independently of the app). */
const monthYear = (iso: string) => `${months[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;

/** Page script: every text drawn on any canvas, in `window.drawnText` (uPlot and the heat map draw their axes there). */
function recordCanvasText() {
  const drawn: string[] = [];
  (window as unknown as { drawnText: string[] }).drawnText = drawn;
  const fillText = CanvasRenderingContext2D.prototype.fillText;
  CanvasRenderingContext2D.prototype.fillText = function (text, x, y, maxWidth) {
    drawn.push(String(text));
    if (maxWidth === undefined) fillText.call(this, text, x, y);
    else fillText.call(this, text, x, y, maxWidth);
  };
}

/**
 * Page script: the texts of each canvas's latest draw (uPlot clears its whole canvas before each
 * draw), readable by the title of the chart holding the canvas through `window.lastDrawn(title)`.
 */
function recordLastDraw() {
  const texts = new WeakMap<HTMLCanvasElement, string[]>();
  const { clearRect, fillText } = CanvasRenderingContext2D.prototype;
  CanvasRenderingContext2D.prototype.clearRect = function (x, y, w, h) {
    if (x === 0 && y === 0 && w >= this.canvas.width && h >= this.canvas.height) texts.set(this.canvas, []);
    clearRect.call(this, x, y, w, h);
  };
  CanvasRenderingContext2D.prototype.fillText = function (text, x, y, maxWidth) {
    texts.get(this.canvas as HTMLCanvasElement)?.push(String(text));
    if (maxWidth === undefined) fillText.call(this, text, x, y);
    else fillText.call(this, text, x, y, maxWidth);
  };
  (window as unknown as { lastDrawn: (title: string) => string[] }).lastDrawn = (title) => {
    const figure = [...document.querySelectorAll('figure.chart')].find(
      (f) => f.querySelector('.chart-title')?.textContent === title,
    );
    const canvas = figure?.querySelector('canvas');
    return canvas ? (texts.get(canvas) ?? []) : [];
  };
}

describeInBrowser('chart time axes in Chromium', (env) => {
  for (const width of [1440, 390])
    it(
      `names the same months under the heat map as on the Dashboard charts' time axes at ${width} px`,
      async () => {
        const { page, errors } = await env.open({ width, height: 900 });
        await page.addInitScript(recordLastDraw);
        await env.signIn(page);
        await page
          .getByTestId('figures-source')
          .filter({ hasText: 'server forecast' })
          .waitFor({ timeout: 240_000 });
        await page.getByRole('img', { name: /^Heat map of burnout risk/ }).waitFor();
        await page.locator('.heat-axis span').first().waitFor();
        const axes = async () => {
          await page.evaluate(
            () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
          );
          return page.evaluate(() => {
            const drawn = (window as unknown as { lastDrawn: (title: string) => string[] }).lastDrawn;
            const monthly = (texts: string[]) => texts.filter((t) => /^[A-Z][a-z]{2} \d{4}$/.test(t));
            return {
              heatMap: [...document.querySelectorAll('.heat-axis span')].map(
                (span) => span.textContent ?? '',
              ),
              backlog: monthly(drawn('Org sign-off backlog')),
              incidents: monthly(drawn('Severity-2 incidents per week')),
            };
          });
        };
        await expect.poll(async () => (await axes()).backlog.length).toBeGreaterThan(1);
        const { heatMap, backlog, incidents } = await axes();
        expect(heatMap.length).toBeGreaterThanOrEqual(width < 500 ? 3 : 6);
        expect(backlog).toEqual(heatMap);
        expect(incidents).toEqual(heatMap);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        await page.screenshot({ path: `test-results/dashboard-month-axes-${width}.png`, fullPage: true });
        expect(errors).toEqual([]);
      },
      browserTestTimeoutMs * 2,
    );

  it(
    'labels the time axis of every Dashboard chart with month and year ("Jan 2027"), never a day-like "Jan 27"',
    async () => {
      const { page, errors } = await env.open({ width: 1440, height: 900 });
      await page.addInitScript(recordCanvasText);
      await env.signIn(page);
      const list = await env.api<{ items: { id: string; planOfRecord: boolean }[] }>(
        page,
        'GET',
        '/orgs/demo/scenarios',
      );
      const plan = list.items.find((s) => s.planOfRecord)!;
      const run = await env.api<{ forecast: { weeks: string[] } }>(
        page,
        'POST',
        `/orgs/demo/scenarios/${plan.id}/forecast`,
        {},
      );
      const inHorizon = new Set(run.forecast.weeks.map(monthYear));
      await page.getByRole('img', { name: /^Heat map of burnout risk/ }).waitFor({ timeout: 240_000 });
      await page.getByRole('img', { name: /^Org sign-off backlog,/ }).waitFor();
      const drawn = await page.evaluate(() => (window as unknown as { drawnText: string[] }).drawnText);
      // A month name then a number: the axis labels (team names and values have no such shape).
      const dated = drawn.filter((text) => /^[A-Z][a-z]{2} \d+$/.test(text));
      expect(new Set(dated).size).toBeGreaterThanOrEqual(6);
      for (const label of dated) expect(inHorizon.has(label), label).toBe(true);
      expect(errors).toEqual([]);
    },
    browserTestTimeoutMs * 2,
  );
});
