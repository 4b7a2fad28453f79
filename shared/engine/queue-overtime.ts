import { type Above, excessOf, type LogNormal, logNormal, momentsAbove } from './lognormal-moments';
import type { ClosureScratch, ExtraCapacity } from './queue-closure';

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

/** Expected overtime hours per reviewer over the queue's spread, what it adds to the queue, and the changes waiting. */
export interface OvertimeEffect extends ExtraCapacity {
  hoursPerReviewer: number;
  waiting: number;
}

const from: Above = { share: 0, first: 0, second: 0 };
const to: Above = { share: 0, first: 0, second: 0 };
/** E[o; N > n] and E[N o; N > n] of the rule, written by {@link aboveServers}. */
const partial = { hours: 0, weighted: 0 };

/** E[o; N > n] and E[N o; N > n] of the clipped linear rule, from the moments above n, into `partial`. */
const aboveServers = (n: LogNormal, servers: number, rule: OvertimeRule, at: Above): void => {
  const { slope, offset, cap } = rule;
  if (offset >= cap || !(slope > 0)) {
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

/**
 * Overtime set at a week's start from the queue then, taken over the queue's spread (the rule
 * is convex, so responding to the mean would understate it): the expected hours per reviewer,
 * and the completions they add, (hours / serviceHours) x min(N, n) / n per reviewer-hour, with
 * their covariance with N.
 */
export const overtimeEffect = (
  mean: number,
  variance: number,
  q: { servers: number; reviewers: number; serviceHours: number },
  rule: OvertimeRule,
  c: ClosureScratch,
  out: OvertimeEffect,
): void => {
  const { servers } = q;
  logNormal(mean, variance, c.n);
  momentsAbove(c.n, servers, c.above);
  const a = c.above;
  out.waiting = excessOf(a, servers);
  if (!(rule.cap > 0)) {
    out.hoursPerReviewer = 0;
    out.throughput = 0;
    out.covariance = 0;
    return;
  }
  aboveServers(c.n, servers, rule, a);
  const { hours, weighted } = partial;
  const base = Math.min(rule.cap, Math.max(0, rule.offset));
  const below = 1 - a.share;
  const belowFirst = mean - a.first;
  const belowSecond = c.n.square - a.second;
  const perHour = q.reviewers / q.serviceHours;
  out.hoursPerReviewer = hours + base * below;
  out.throughput = perHour * (hours + (base * belowFirst) / servers);
  out.covariance = perHour * (weighted + (base * belowSecond) / servers) - mean * out.throughput;
};
