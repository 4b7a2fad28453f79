import type { ModelParams } from './model-params';
import type { QueueRates } from './queue-closure';
import type { OvertimeRule } from './queue-overtime';
import { type QueueWeekResult, queueWeek, runOvertime } from './queue-week';
import type { TeamRuns } from './team-state';

/** The overtime rule's offset: the share of the week's excess review hours reviewers absorb, per reviewer. */
export const overtimeOffset = (
  p: ModelParams,
  reviewers: number,
  demandHours: number,
  incidentHours: number,
  baseCapacity: number,
): number =>
  reviewers > 0 ? (p.overtimeResponse * (demandHours + incidentHours - baseCapacity)) / reviewers : 0;

/** A week's review capacity under the overtime rule. */
export interface OvertimeCapacity {
  /** Review hours, overtime included, less incident work. */
  hours: number;
  /** Changes a week the reviewers complete while every one of them is busy. */
  busy: number;
}

/**
 * Sets run r's overtime for the week from its queue now ({@link runOvertime}), then the week's
 * `rates.capacity` (changes a week) with it and overtime's narrowing of the queue's spread
 * (2 Cov(N, overtime departures) / Var(N)); the capacity into `out`. `regularHours` is the
 * reviewers' regular review hours less incident work.
 */
export const overtimeWeek = (
  s: TeamRuns,
  r: number,
  rates: QueueRates,
  rule: OvertimeRule,
  reviewers: number,
  serviceHours: number,
  regularHours: number,
  out: OvertimeCapacity,
): void => {
  runOvertime(s, r, rates.servers, rule);
  const { hoursPerReviewer, busyHoursPerReviewer, covariance } = s.overtime;
  out.hours = Math.max(0, regularHours + hoursPerReviewer * reviewers);
  rates.capacity = out.hours / serviceHours;
  const spread = s.inSystemVariance[r]!;
  rates.overtimeNarrowing =
    spread > 0 ? (2 * Math.max(0, covariance) * reviewers) / (serviceHours * spread) : 0;
  out.busy = (out.hours + (busyHoursPerReviewer - hoursPerReviewer) * reviewers) / serviceHours;
};

/**
 * Weeks a forecast's start runs under the overtime rule at week 0's rates: the stationary queue
 * at the sustained overtime ({@link startQueue}) leaves out overtime's narrowing of the spread,
 * which the weekly loop reaches within about three weeks (overtime at 95%: the first week's mean
 * wait 5.44 h without them, 5.03, 4.94 and 4.92 h after one, two and three).
 */
const SETTLE_WEEKS = 3;
const settled: QueueWeekResult = { backlog: 0, completed: 0 };
const settledCapacity: OvertimeCapacity = { hours: 0, busy: 0 };

/**
 * Runs run r's starting queue {@link SETTLE_WEEKS} weeks under the overtime rule at week 0's
 * rates (`rates.capacity` regular), as the team has run before the forecast; its expected
 * figures, not drawn. Does nothing without overtime.
 */
export const settleOvertime = (
  s: TeamRuns,
  r: number,
  rates: QueueRates,
  rule: OvertimeRule,
  reviewers: number,
  serviceHours: number,
  hours: { work: number; target: number },
): void => {
  if (!(rule.cap > 0)) return;
  const regularHours = rates.capacity * serviceHours;
  for (let k = 0; k < SETTLE_WEEKS; k++) {
    overtimeWeek(s, r, rates, rule, reviewers, serviceHours, regularHours, settledCapacity);
    queueWeek(s, r, rates, settledCapacity.busy, hours, null, settled);
  }
  rates.capacity = regularHours / serviceHours;
};
