import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserTestTimeoutMs, type PlannerBrowser, startPlannerBrowser } from '../helpers/planner-browser';

const header = 'employee_id,team,level,hire_date,manager_id';
const roster = (rows: string[]) => Buffer.from(`${[header, ...rows].join('\n')}\n`);
/** Picks the file and the replace mode; the import shows its preview (or the file's errors) before any write. */
const upload = async (page: Page, name: string, content: Buffer) => {
  await page.getByLabel('Roster CSV file').setInputFiles({ name, mimeType: 'text/csv', buffer: content });
  await page.getByRole('radio', { name: /Replace/ }).check();
};
const total = (page: Page, team: string) => page.getByTestId(`total-${team}`).textContent();

describe('teams, roster import and reports in Chromium', () => {
  let env: PlannerBrowser;
  beforeAll(async () => {
    env = await startPlannerBrowser();
  });
  afterAll(async () => {
    await env?.close();
  });

  it(
    'shows the capacity report as a sortable table and downloads its CSV by team and by team and week, naming scenario, version, percentile and unit',
    async () => {
      const { page, errors } = await env.open({ width: 1920, height: 1080 });
      await env.signIn(page, { path: '/reports' });
      const table = page.locator('table.report');
      await table.waitFor({ timeout: 90_000 });
      const teamHeader = page.getByRole('button', { name: /^Team/ }).first();
      await teamHeader.click();
      await teamHeader.click();
      expect(await page.locator('th[aria-sort=descending]').count()).toBe(1);
      const headers = (await table.locator('thead th').allTextContents()).map((h) => h.trim());
      expect(headers).toEqual(
        expect.arrayContaining([
          'Backlog at horizon (P90, changes)',
          'Peak burnout risk (P50, 0-100)',
          'Reviewers needed (mean path, people)',
          'Absorbable layoff (mean path, %)',
          'Headcount at horizon senior (P50, people)',
        ]),
      );
      // Figures line up: within a column every number shows the same count of decimals.
      const decimalsByColumn = await table.evaluate((t) => {
        const counts = new Map<number, Set<number>>();
        for (const row of t.querySelectorAll('tbody tr')) {
          row.querySelectorAll('td').forEach((cell, column) => {
            if (!cell.classList.contains('num')) return;
            const text = cell.textContent ?? '';
            const places = text.includes('.') ? text.length - text.indexOf('.') - 1 : 0;
            counts.set(column, (counts.get(column) ?? new Set()).add(places));
          });
        }
        return [...counts.values()].map((set) => set.size);
      });
      expect(decimalsByColumn.length).toBeGreaterThan(5);
      expect(decimalsByColumn.every((kinds) => kinds === 1)).toBe(true);
      await page.screenshot({ path: 'test-results/reports.png' });

      const download = async (name: string) => {
        const [file] = await Promise.all([
          page.waitForEvent('download'),
          page.getByRole('link', { name }).click(),
        ]);
        const [head, ...rows] = parse(await readFile((await file.path())!, 'utf8')) as string[][];
        return { head: head!, rows };
      };
      // The page names the version its figures are of; both CSVs carry it on every row.
      const shown = (await page.locator('.page > p.muted').first().textContent())!;
      const [, scenario, version] = shown.match(/^(.+) version (\d+) ·/)!;

      const byTeam = await download('CSV: one row per team');
      const rowHead = ['scenario', 'scenario_version', 'forecast_runs', 'team', 'team_id'];
      expect(byTeam.head.slice(0, 5)).toEqual(rowHead);
      expect(byTeam.head).toEqual(
        expect.arrayContaining([
          'headcount_today_senior_people',
          'headcount_at_horizon_senior_p50_people',
          'backlog_at_horizon_p50_changes',
          'backlog_at_horizon_p90_changes',
          'peak_burnout_risk_p50_index',
          'max_absorbable_layoff_mean_path_percent',
          'reviewers_needed_mean_path_people',
        ]),
      );
      expect(byTeam.rows).toHaveLength(40);
      expect(new Set(byTeam.rows.map((row) => `${row[0]} v${row[1]}`))).toEqual(
        new Set([`${scenario} v${version}`]),
      );

      const byWeek = await download('CSV: team × week');
      expect(byWeek.head.slice(0, 6)).toEqual([...rowHead, 'week']);
      expect(byWeek.head).toEqual(
        expect.arrayContaining(['headcount_senior_p50_people', 'backlog_p90_changes', 'p90_wait_p50_hours']),
      );
      // 40 teams x 52 weeks (the report's horizon), each team-week once.
      expect(byWeek.rows).toHaveLength(40 * 52);
      expect(new Set(byWeek.rows.map((row) => `${row[4]} ${row[5]}`)).size).toBe(40 * 52);
      expect(new Set(byWeek.rows.map((row) => `${row[0]} v${row[1]}`))).toEqual(
        new Set([`${scenario} v${version}`]),
      );

      // One headcount: today's is the roster's (the Teams API), the horizon's is the last week's of
      // the team x week file, and the scenario's layoff leaves fewer people there than today.
      const roster = await env.api<{ items: { id: string; headcount: Record<string, number> }[] }>(
        page,
        'GET',
        '/orgs/demo/teams?limit=200',
      );
      const levels = byTeam.head.flatMap((name) => /^headcount_today_(\w+)_people$/.exec(name)?.[1] ?? []);
      expect(levels.length).toBeGreaterThan(0);
      const cell = (file: { head: string[] }, row: string[], name: string) =>
        Number(row[file.head.indexOf(name)]);
      const lastWeek = byWeek.rows
        .map((row) => row[5]!)
        .sort()
        .at(-1);
      let today = 0;
      let horizon = 0;
      for (const row of byTeam.rows) {
        const team = roster.items.find((t) => t.id === row[4])!;
        const weekRow = byWeek.rows.find((r) => r[4] === row[4] && r[5] === lastWeek)!;
        for (const level of levels) {
          expect(cell(byTeam, row, `headcount_today_${level}_people`)).toBe(team.headcount[level] ?? 0);
          expect(cell(byTeam, row, `headcount_at_horizon_${level}_p50_people`)).toBe(
            cell(byWeek, weekRow, `headcount_${level}_p50_people`),
          );
          today += cell(byTeam, row, `headcount_today_${level}_people`);
          horizon += cell(byTeam, row, `headcount_at_horizon_${level}_p50_people`);
        }
      }
      expect(horizon).toBeLessThan(today);
      expect(errors).toEqual([]);
    },
    browserTestTimeoutMs,
  );

  it(
    'shows every bad roster row and imports nothing, then imports a clean file',
    async () => {
      const { page, errors } = await env.open();
      await env.signIn(page, { path: '/teams' });
      await page.getByRole('heading', { name: 'Headcount by level' }).waitFor();
      const before = await total(page, 'Checkout');

      await upload(
        page,
        'roster-bad.csv',
        roster([
          'X1,Checkout,senior,2020-01-01,',
          'X2,Checkout,wizard,2021-01-01,X1',
          'X3,Checkout,junior,2022-03-01,X1',
        ]),
      );
      const alert = page.locator('.roster [role=alert]');
      await alert.waitFor();
      expect(await alert.textContent()).toMatch(/Line 3[\s\S]*level/);
      await page.screenshot({ path: 'test-results/roster-error.png' });
      expect(await total(page, 'Checkout')).toBe(before);

      await upload(
        page,
        'roster-good.csv',
        roster([
          'X1,Checkout,principal,2018-01-01,',
          'X2,Checkout,senior,2020-01-01,X1',
          'X3,Checkout,senior,2021-05-01,X1',
          'X4,Checkout,mid,2022-03-01,X1',
          'X5,Payments,senior,2019-07-01,',
        ]),
      );
      await page.getByRole('button', { name: /^Confirm import/ }).click();
      await page.getByText('Imported 5 engineers').waitFor();
      await page.waitForFunction(
        () => document.querySelector('[data-testid="total-Checkout"]')?.textContent === '4',
      );
      expect(before).not.toBe('4');

      const cell = page.getByLabel('Payments Senior headcount');
      await cell.fill('3');
      await cell.press('Tab');
      await page.waitForFunction(
        () => document.querySelector('[data-testid="total-Payments"]')?.textContent === '3',
      );
      await page.screenshot({ path: 'test-results/teams.png' });
      expect(errors.filter((e) => !e.includes('status of 422'))).toEqual([]);
    },
    browserTestTimeoutMs,
  );

  it(
    'at 390 px scrolls the headcount table inside its box with the team column fixed, the box ending on a whole row',
    async () => {
      const { page, errors } = await env.open({ width: 390, height: 844 });
      await env.signIn(page, { path: '/teams' });
      const box = page.getByRole('region', { name: 'Headcount table' });
      const team = box.getByRole('rowheader', { name: 'API Gateway' });
      await team.waitFor();
      await page.waitForTimeout(300);
      const geometry = () =>
        box.evaluate((element) => {
          const edge = element.getBoundingClientRect();
          const bottom = edge.top + element.clientTop + element.clientHeight;
          const rows = [...element.querySelectorAll('tbody tr')].map((row) => row.getBoundingClientRect());
          return {
            overflows:
              element.scrollHeight > element.clientHeight && element.scrollWidth > element.clientWidth,
            // The box's visible bottom is some row's bottom, to the pixel.
            endsOnRow: rows.some((row) => Math.abs(row.bottom - bottom) < 1),
            pageWidth: document.documentElement.scrollWidth,
          };
        });
      expect(await geometry()).toEqual({ overflows: true, endsOnRow: true, pageWidth: 390 });
      const teamX = (await team.boundingBox())!.x;
      const junior = box
        .getByRole('row', { name: /^API Gateway/ })
        .getByRole('spinbutton')
        .first();
      const juniorX = (await junior.boundingBox())!.x;
      await box.evaluate((element) => element.scrollBy({ left: 200 }));
      await page.waitForTimeout(100);
      expect((await team.boundingBox())!.x).toBeCloseTo(teamX, 0);
      expect((await junior.boundingBox())!.x).toBeLessThan(juniorX - 150);
      expect(errors).toEqual([]);
    },
    browserTestTimeoutMs,
  );

  it(
    'runs the plan of record forecast as a background job from the reports page and shows its progress until the report reads the stored run',
    async () => {
      const { page, errors } = await env.open();
      await env.signIn(page, { path: '/reports' });
      await page.locator('table.report').waitFor({ timeout: 90_000 });
      await page.getByRole('button', { name: 'Run the forecast in the background' }).click();
      const status = page.locator('.forecast-job [role=status]');
      await status.filter({ hasText: /^Done/ }).waitFor({ timeout: 120_000 });
      expect(await status.textContent()).toBe('Done: the report reads the stored run.');
      const bar = page.getByRole('progressbar', { name: 'Background forecast' });
      expect(await bar.getAttribute('value')).toBe(await bar.getAttribute('max'));
      expect(await page.getByRole('button', { name: 'Run the forecast in the background' }).isEnabled()).toBe(
        true,
      );
      await page.locator('table.report').waitFor();
      await page.screenshot({ path: 'test-results/reports-background-forecast.png' });
      expect(errors).toEqual([]);
    },
    browserTestTimeoutMs,
  );
});
