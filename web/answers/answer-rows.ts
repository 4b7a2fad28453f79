import type { BreachMetric, TeamAnswer } from '../../shared';

/** One row of the team answers table, from a run's `summary.teams` or a capacity report row. */
export interface AnswerRow {
  teamId: string;
  team: string;
  breach: { date: string; metric: BreachMetric; threshold: number; value: number } | null;
  reviewersToday: number;
  reviewersNeeded: number;
  reviewersToAdd: number;
  maxLayoffPercent: number | null;
  peakBurnout: number;
}

/** A run's per-team answer as a table row. */
export const rowOfAnswer = (a: TeamAnswer): AnswerRow => ({
  teamId: a.teamId,
  team: a.team,
  breach: a.firstBreach,
  reviewersToday: a.reviewersToday,
  reviewersNeeded: a.reviewersNeeded,
  reviewersToAdd: a.reviewersToAdd,
  maxLayoffPercent: a.maxLayoffPercent,
  peakBurnout: a.peakBurnout,
});

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
