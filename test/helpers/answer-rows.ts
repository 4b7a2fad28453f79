import type { Page } from 'playwright-core';
import { dayMonthYear } from './day-month-year';

/** A team answers table row as the tests read it: team, first breach date, reviewers needed, layoff cell, peak burnout. */
export interface AnswerTableRow {
  team: string;
  breach: string;
  needed: number;
  layoff: string;
  burnout: number;
}

/** A team answers table's rows within `scope` (the first breach date, or 'holds'; reviewers needed after the arrow). */
export const answerRows = (page: Page, scope: string): Promise<AnswerTableRow[]> =>
  page
    .locator(scope)
    .locator('table.answers tbody tr[aria-rowindex]')
    .evaluateAll((rows) =>
      rows.map((row) => {
        const cells = [...row.querySelectorAll('td')].map((cell) => cell.textContent?.trim() ?? '');
        return {
          team: row.querySelector('th')?.textContent?.trim() ?? '',
          breach: cells[0]?.includes('Holds')
            ? 'holds'
            : (/^\d+ \w{3} \d{4}/.exec(cells[0] ?? '')?.[0] ?? ''),
          needed: Number(/→\s*(\d+)/.exec(cells[1] ?? '')?.[1]),
          layoff: cells[2] ?? '',
          burnout: Number(cells[3]),
        };
      }),
    );

/** The server's per-team answer, as far as the team answers table shows it. */
export interface ServerAnswer {
  team: string;
  firstBreach: { date: string } | null;
  reviewersNeeded: number;
  maxLayoffPercent: number | null;
  peakBurnout: number;
}

/**
 * The rows a team answers table shows for the server's answers, stated independently of the app: in
 * its default order (first breach date, none last, then peak burnout, highest first).
 */
export const expectedAnswerRows = (answers: readonly ServerAnswer[]): AnswerTableRow[] =>
  [...answers]
    .sort(
      (a, b) =>
        (a.firstBreach?.date ?? '9999').localeCompare(b.firstBreach?.date ?? '9999') ||
        b.peakBurnout - a.peakBurnout,
    )
    .map((a) => ({
      team: a.team,
      breach: a.firstBreach ? dayMonthYear(a.firstBreach.date) : 'holds',
      needed: a.reviewersNeeded,
      layoff: a.maxLayoffPercent === null ? 'none' : `${a.maxLayoffPercent}%`,
      burnout: a.peakBurnout,
    }));
