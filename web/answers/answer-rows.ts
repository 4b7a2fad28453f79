import type { BreachMetric } from '../../shared';
import type { AnswerRow } from '../../shared/contract/dashboard-view';

export { type AnswerRow, rowOfAnswer } from '../../shared/contract/dashboard-view';

type ReportRow = Record<string, unknown>;

const num = (value: unknown): number => (typeof value === 'number' ? value : 0);

/** A capacity report row (same run, same figures) as a table row. */
export const rowOfReport = (r: ReportRow): AnswerRow => ({
  teamId: String(r.teamId),
  team: String(r.team),
  breach: r.firstBreachWeek
    ? {
        date: String(r.firstBreachWeek),
        metric: r.firstBreachMetric as BreachMetric,
        threshold: num(r.firstBreachThreshold),
        value: num(r.firstBreachValue),
      }
    : null,
  reviewersToday: num(r.reviewersToday),
  reviewersNeeded: num(r.reviewersNeeded),
  reviewersToAdd: num(r.reviewerGap),
  maxLayoffPercent: typeof r.maxLayoffPercent === 'number' ? r.maxLayoffPercent : null,
  peakBurnout: num(r.burnoutRisk),
});

/** Sort keys of the table: team name, first breach date (none last), reviewers to add, layoff, burnout. */
export const answerSorts = {
  team: (a: AnswerRow, b: AnswerRow) => a.team.localeCompare(b.team),
  breach: (a: AnswerRow, b: AnswerRow) =>
    (a.breach?.date ?? '9999').localeCompare(b.breach?.date ?? '9999') || b.peakBurnout - a.peakBurnout,
  reviewers: (a: AnswerRow, b: AnswerRow) => a.reviewersToAdd - b.reviewersToAdd,
  layoff: (a: AnswerRow, b: AnswerRow) => (a.maxLayoffPercent ?? -1) - (b.maxLayoffPercent ?? -1),
  burnout: (a: AnswerRow, b: AnswerRow) => a.peakBurnout - b.peakBurnout,
} as const;

export type AnswerSort = keyof typeof answerSorts;
