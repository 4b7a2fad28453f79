import { expect, it } from 'vitest';
import { browserTestTimeoutMs, describeInBrowser } from '../helpers/planner-browser';

/** Runs of the server's forecast here: enough that its first computation takes seconds, as 500 do after `npm start`. */
const SERVER_RUNS = 200;

describeInBrowser(
  'the Dashboard on a fresh database in Chromium, before the plan of record has a stored forecast',
  (env) => {
    it(
      "says the server is computing and for how long, shows the browser's mean path labelled as such meanwhile, then the stored forecast",
      async () => {
        const { page, errors } = await env.open({ width: 1440, height: 900 });
        await env.signIn(page);
        const note = page.getByTestId('computing-note');
        const source = page.getByTestId('figures-source');
        const breachLabel = page.getByTestId('first-breach').locator('.figure-label');
        await note.waitFor({ timeout: 20_000 });
        expect(await note.textContent()).toMatch(
          /^The server is computing the plan of record's forecast: \d+ s so far/,
        );
        await source
          .filter({ hasText: 'Live preview: mean path in this browser (the server forecast is computing)' })
          .waitFor({ timeout: 30_000 });
        expect(await breachLabel.textContent()).toBe('First breach (earliest team, mean path)');
        expect(await note.isVisible()).toBe(true);
        await page.screenshot({
          path: 'test-results/dashboard-first-visit-computing-1440.png',
          fullPage: true,
        });
        // The heat map's read-out and the backlog table say what the headline figures are read on,
        // read in one snapshot (the stored run may replace the preview at any moment).
        const backlog = page.locator('figure.chart', { hasText: 'Org sign-off backlog' }).first();
        await backlog.getByRole('button', { name: 'Table of Org sign-off backlog' }).click();
        await page.getByRole('img', { name: /^Heat map of burnout risk/ }).focus();
        await page.keyboard.press('ArrowRight');
        const shown = await page.evaluate(() => ({
          source: document.querySelector('[data-testid="figures-source"]')?.textContent ?? '',
          readout: document.querySelector('figure.chart:has(.heat-map) .readout')?.textContent ?? '',
          backlog: [...document.querySelectorAll('figure.chart .chart-data thead th')].map(
            (th) => th.textContent,
          ),
        }));
        if (shown.source.includes('mean path')) {
          expect(shown.readout).toMatch(
            /^.+, week of \d{1,2} \w{3} \d{4}: burnout risk mean path \d+ \(live preview\), index 0-100$/,
          );
          expect(shown.backlog).toEqual([
            'Week (Monday)',
            expect.stringMatching(/ mean path \(changes waiting; live preview\)$/),
          ]);
        } else {
          expect(shown.readout).toContain(`; ${SERVER_RUNS}-run server forecast), index 0-100`);
          expect(shown.backlog[1]).toMatch(
            new RegExp(` P10 \\(changes waiting; ${SERVER_RUNS}-run server forecast\\)$`),
          );
        }

        await source
          .filter({ hasText: `P50, ${SERVER_RUNS}-run server forecast of version 1` })
          .waitFor({ timeout: 240_000 });
        expect(await note.count()).toBe(0);
        expect(await breachLabel.textContent()).toBe('First breach (earliest team, P50)');
        await page.locator('section.team-answers table.answers').waitFor();
        await page.screenshot({ path: 'test-results/dashboard-first-visit-stored-1440.png', fullPage: true });
        expect(errors).toEqual([]);
      },
      browserTestTimeoutMs * 2,
    );
  },
  { forecastRuns: SERVER_RUNS },
);
