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
}

/** Below this probability, the part of the queue's distribution past a level is not worth evaluating. */
const NEGLIGIBLE = 1e-9;

const from: Above = { share: 0, first: 0, second: 0 };
const to: Above = { share: 0, first: 0, second: 0 };

/** Overtime at one state of the queue, written by {@link overtimeDepartures}. */
export const overtimeFlow = {
  /** Completions a week overtime adds, and their covariance with N. */
  mean: 0,
  covariance: 0,
  /** E[o; N > n] and E[N o; N > n] of the rule. */
  hoursAbove: 0,
  weightedAbove: 0,
};

/** The rule's level when no change waits, the hours below the first waiting change. */
const baseHours = (rule: OvertimeRule): number => Math.min(rule.cap, Math.max(0, rule.offset));

/** Moments of the state's count `d` above level k into `out`. */
const stateAbove = (d: CountDistribution, state: QueueMoments, k: number, out: Above): void => {
  countDistribution(state.mean, state.variance, d);
  momentsAbove(d, k, out);
};

/**
 * E[o; N > n] and E[N o; N > n] of the clipped linear rule into {@link overtimeFlow}, from the
 * moments above n (`at`) and, where the rule bends past n, those of N above the levels where it
 * starts and where it reaches the cap. A bend the queue does not reach (probability below
 * {@link NEGLIGIBLE}) is not evaluated.
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
    const level = baseHours(rule);
    overtimeFlow.hoursAbove = level * at.share;
    overtimeFlow.weightedAbove = level * at.first;
    return;
  }
  if (offset >= 0) {
    from.share = at.share;
    from.first = at.first;
    from.second = at.second;
  } else {
    stateAbove(d, state, servers - offset / slope, from);
    if (!(from.share > NEGLIGIBLE)) {
      overtimeFlow.hoursAbove = 0;
      overtimeFlow.weightedAbove = 0;
      return;
    }
  }
  stateAbove(d, state, servers + (cap - offset) / slope, to);
  const share = from.share - to.share;
  const first = from.first - to.first;
  const second = from.second - to.second;
  overtimeFlow.hoursAbove = slope * (first - servers * share) + offset * share + cap * to.share;
  overtimeFlow.weightedAbove = slope * (second - servers * first) + offset * first + cap * to.first;
};

/**
 * The completions overtime adds at the queue's `state` (moments above the reviewers in `at`;
 * `d` is scratch for its distribution): o(N) hours per reviewer speed the reviews in progress, min(N, n) / n of
 * the reviewers, at `perHour` changes a week per overtime hour per reviewer. A longer queue gets
 * more overtime, so besides the mean it narrows the spread (its covariance with N).
 */
export const overtimeDepartures = (
  d: CountDistribution,
  state: QueueMoments,
  at: Above,
  servers: number,
  rule: OvertimeRule,
  perHour: number,
): void => {
  overtimeFlow.mean = 0;
  overtimeFlow.covariance = 0;
  overtimeFlow.hoursAbove = 0;
  overtimeFlow.weightedAbove = 0;
  if (!(rule.cap > 0)) return;
  aboveServers(d, state, servers, rule, at);
  if (!(perHour > 0)) return;
  const base = baseHours(rule);
  const { mean, variance } = state;
  const flow = perHour * (overtimeFlow.hoursAbove + (base * (mean - at.first)) / servers);
  const withN =
    perHour * (overtimeFlow.weightedAbove + (base * (variance + mean * mean - at.second)) / servers);
  overtimeFlow.mean = Math.max(0, flow);
  overtimeFlow.covariance = withN - mean * overtimeFlow.mean;
};

/**
 * Overtime set at a week's start from the queue then, taken over the queue's spread (the rule
 * is convex, so responding to the mean would understate it), from the moments above the
 * reviewers and E[o; N > n] of the rule there.
 */
export const overtimeEffect = (
  at: Above,
  hoursAbove: number,
  servers: number,
  rule: OvertimeRule,
  out: OvertimeEffect,
): void => {
  out.waiting = excessOf(at, servers);
  if (!(rule.cap > 0)) {
    out.hoursPerReviewer = 0;
    out.busyHoursPerReviewer = 0;
    return;
  }
  const base = baseHours(rule);
  out.busyHoursPerReviewer = at.share > 0 ? Math.min(rule.cap, Math.max(0, hoursAbove / at.share)) : base;
  out.hoursPerReviewer = Math.min(rule.cap, Math.max(0, hoursAbove + base * (1 - at.share)));
};
