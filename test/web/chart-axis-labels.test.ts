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

describeInBrowser('chart time axes in Chromium', (env) => {
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
