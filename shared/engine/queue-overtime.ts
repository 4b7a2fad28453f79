import {
  type Above,
  type CountDistribution,
  countDistribution,
  excessOf,
  momentsAbove,
} from './count-distribution';
import type { QueueMoments } from './queue-moments';

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
  /** Cov(N, o(N) min(N, n) / n): how much more overtime a longer queue gets, in busy-reviewer hours. */
  covariance: number;
}

/** Below this probability, the part of the queue's distribution past a level is not worth evaluating. */
const NEGLIGIBLE = 1e-9;

const from: Above = { share: 0, first: 0, second: 0 };
const to: Above = { share: 0, first: 0, second: 0 };

/** E[o; N > n] and E[N o; N > n] of the rule, written by {@link aboveServers}. */
const partial = { hours: 0, weighted: 0 };

/** The rule's level when no change waits, the hours below the first waiting change. */
const baseHours = (rule: OvertimeRule): number => Math.min(rule.cap, Math.max(0, rule.offset));

/** Moments of the state's count `d` above level k into `out`. */
const stateAbove = (d: CountDistribution, state: QueueMoments, k: number, out: Above): void => {
  countDistribution(state.mean, state.variance, d);
  momentsAbove(d, k, out);
};

/**
 * E[o; N > n] of the clipped linear rule into {@link partial}, from the moments above n (`at`)
 * and, where the rule bends past n, those of N above the levels where it starts and where it
 * reaches the cap. A bend the queue does not reach (probability below {@link NEGLIGIBLE}) is
 * not evaluated.
 */
const aboveServers = (
  d: CountDistribution,
  state: QueueMoments,
  servers: number,
  rule: OvertimeRule,
  at: Above,
): void => {
  const { slope, offset, cap } = rule;
  if (offset >= cap || !(slope > 0) || !(at.share > NEGLIGIBLE)) {
    partial.hours = baseHours(rule) * at.share;
    partial.weighted = baseHours(rule) * at.first;
    return;
  }
  if (offset >= 0) {
    from.share = at.share;
    from.first = at.first;
    from.second = at.second;
  } else {
    stateAbove(d, state, servers - offset / slope, from);
    if (!(from.share > NEGLIGIBLE)) {
      partial.hours = 0;
      partial.weighted = 0;
      return;
    }
  }
  stateAbove(d, state, servers + (cap - offset) / slope, to);
  const share = from.share - to.share;
  const first = from.first - to.first;
  const second = from.second - to.second;
  partial.hours = slope * (first - servers * share) + offset * share + cap * to.share;
  partial.weighted = slope * (second - servers * first) + offset * first + cap * to.first;
};

/**
 * The week's overtime, set at its start from the queue then (`state`, with its moments above the
 * n = `servers` reviewers in `at`; `d` is scratch) and held for the week, as a team decides
 * overtime week by week: the rule taken over the queue's spread (it is convex, so responding to
 * the mean would understate it), and the same given every reviewer is busy.
 */
export const overtimeEffect = (
  d: CountDistribution,
  state: QueueMoments,
  at: Above,
  servers: number,
  rule: OvertimeRule,
  out: OvertimeEffect,
): void => {
  out.waiting = excessOf(at, servers);
  out.covariance = 0;
  if (!(rule.cap > 0)) {
    out.hoursPerReviewer = 0;
    out.busyHoursPerReviewer = 0;
    return;
  }
  aboveServers(d, state, servers, rule, at);
  const base = baseHours(rule);
  const { mean, variance } = state;
  const busy = partial.hours + (base * (mean - at.first)) / servers;
  const withN = partial.weighted + (base * (variance + mean * mean - at.second)) / servers;
  out.covariance = withN - mean * busy;
  out.busyHoursPerReviewer = at.share > 0 ? Math.min(rule.cap, Math.max(0, partial.hours / at.share)) : base;
  out.hoursPerReviewer = Math.min(rule.cap, Math.max(0, partial.hours + base * (1 - at.share)));
};
