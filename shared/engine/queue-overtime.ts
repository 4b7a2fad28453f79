import type { ClosureScratch } from './closure-scratch';
import {
  type Above,
  type CountDistribution,
  countDistribution,
  excessOf,
  momentsAbove,
} from './count-distribution';

/**
 * The overtime rule per reviewer, o = clip(slope x W + offset, 0, cap) hours a week, with W the
 * changes waiting (N - n when N > n): reviewers absorb a share of the work above their regular
 * hours (parameters overtimeResponse, maxOvertimeHours).
 */
export interface OvertimeRule {
  slope: number;
  offset: number;
  cap: number;
}

/**
 * Expected overtime hours per reviewer over the queue's spread; the same when every reviewer is
 * busy (what a waiting change sees: overtime is highest when the queue is long); the changes waiting.
 */
export interface OvertimeEffect {
  hoursPerReviewer: number;
  busyHoursPerReviewer: number;
  waiting: number;
}

/** Below this probability of a queue, overtime's dependence on its length is not worth evaluating. */
const NEGLIGIBLE = 1e-9;

const from: Above = { share: 0, first: 0, second: 0 };
const to: Above = { share: 0, first: 0, second: 0 };
/** E[o; N > n] and E[N o; N > n] of the rule, written by {@link aboveServers}. */
const partial = { hours: 0, weighted: 0 };

/** E[o; N > n] and E[N o; N > n] of the clipped linear rule, from the moments above n, into `partial`. */
const aboveServers = (n: CountDistribution, servers: number, rule: OvertimeRule, at: Above): void => {
  const { slope, offset, cap } = rule;
  if (offset >= cap || !(slope > 0) || !(at.share > NEGLIGIBLE)) {
    const level = Math.min(cap, Math.max(0, offset));
    partial.hours = level * at.share;
    partial.weighted = level * at.first;
    return;
  }
  if (offset >= 0) {
    from.share = at.share;
    from.first = at.first;
    from.second = at.second;
  } else momentsAbove(n, servers - offset / slope, from);
  momentsAbove(n, servers + (cap - offset) / slope, to);
  const share = from.share - to.share;
  const first = from.first - to.first;
  const second = from.second - to.second;
  partial.hours = slope * (first - servers * share) + offset * share + cap * to.share;
  partial.weighted = slope * (second - servers * first) + offset * first + cap * to.first;
};

/** Overtime's completions a week and their covariance with N, written by {@link overtimeDepartures}. */
export const overtimeFlow = { mean: 0, covariance: 0 };

/**
 * The completions overtime adds at the queue's state (distribution `n`, moments above the
 * reviewers in `at`): o(N) hours per reviewer speed the reviews in progress, min(N, n) / n of
 * the reviewers, at `perHour` changes a week per overtime hour per reviewer. A longer queue gets
 * more overtime, so besides the mean it narrows the spread (its covariance with N).
 */
export const overtimeDepartures = (
  n: CountDistribution,
  at: Above,
  servers: number,
  rule: OvertimeRule,
  perHour: number,
): void => {
  if (!(rule.cap > 0) || !(perHour > 0)) {
    overtimeFlow.mean = 0;
    overtimeFlow.covariance = 0;
    return;
  }
  aboveServers(n, servers, rule, at);
  const base = Math.min(rule.cap, Math.max(0, rule.offset));
  const mean = perHour * (partial.hours + (base * (n.mean - at.first)) / servers);
  const withN = perHour * (partial.weighted + (base * (n.square - at.second)) / servers);
  overtimeFlow.mean = Math.max(0, mean);
  overtimeFlow.covariance = withN - n.mean * overtimeFlow.mean;
};

/**
 * Overtime set at a week's start from the queue then, taken over the queue's spread (the rule
 * is convex, so responding to the mean would understate it).
 */
export const overtimeEffect = (
  mean: number,
  variance: number,
  servers: number,
  rule: OvertimeRule,
  c: ClosureScratch,
  out: OvertimeEffect,
): void => {
  countDistribution(mean, variance, c.n);
  momentsAbove(c.n, servers, c.above);
  const a = c.above;
  out.waiting = excessOf(a, servers);
  if (!(rule.cap > 0)) {
    out.hoursPerReviewer = 0;
    out.busyHoursPerReviewer = 0;
    return;
  }
  aboveServers(c.n, servers, rule, a);
  out.busyHoursPerReviewer =
    a.share > 0
      ? Math.min(rule.cap, Math.max(0, partial.hours / a.share))
      : Math.min(rule.cap, Math.max(0, rule.offset));
  const hours = partial.hours + Math.min(rule.cap, Math.max(0, rule.offset)) * (1 - a.share);
  out.hoursPerReviewer = Math.min(rule.cap, Math.max(0, hours));
};
