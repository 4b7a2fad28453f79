import { stationaryAt } from './anchor-table';
import { type Above, countDistribution, momentsAbove, newAbove } from './count-distribution';
import type { QueueRates } from './queue-closure';
import { type OvertimeEffect, type OvertimeRule, overtimeEffect } from './queue-overtime';
import type { TeamRuns } from './team-state';

/**
 * Highest load a forecast's starting queue is taken at: a team overloaded today has an unknown
 * backlog, so it starts from the stationary queue at this load (monotone in the load) and grows.
 */
export const START_LOAD_CAP = 0.95;

/** The capped load {@link startQueue} takes the stationary queue at. */
const startLoad = { arrivals: 0, capacity: 0, servers: 1, serviceCv2: 1 };
/** Scratch of {@link startQueue}: a stationary queue's moments above the reviewers, and its overtime. */
const startAbove: Above = newAbove();
const startOvertime: OvertimeEffect = {
  hoursPerReviewer: 0,
  busyHoursPerReviewer: 0,
  waiting: 0,
  covariance: 0,
};

/** Overtime hours per reviewer are settled to this (hours) when a forecast starts. */
const OVERTIME_PRECISION = 1e-4;
/** Most root-finding steps (the Illinois method takes 4 to 8 here; bisection took 17 from a 10-hour cap). */
const MAX_STEPS = 100;

/**
 * The stationary queue of `startLoad` with `hours` of overtime per reviewer (at `perHour`
 * changes a week per hour per reviewer) into `s.trial`; returns the overtime `rule` sets from
 * that queue minus `hours` (0 at the overtime the queue sustains), or NaN with no stationary queue.
 */
const overtimeGap = (
  s: TeamRuns,
  regular: number,
  perHour: number,
  rule: OvertimeRule,
  hours: number,
): number => {
  startLoad.capacity = regular + perHour * hours;
  if (!stationaryAt(startLoad, s.closure, s.trial)) return Number.NaN;
  countDistribution(s.trial.mean, s.trial.variance, s.closure.n);
  momentsAbove(s.closure.n, startLoad.servers, startAbove);
  overtimeEffect(s.closure.n, s.trial, startAbove, startLoad.servers, rule, startOvertime);
  return startOvertime.hoursPerReviewer - hours;
};

/**
 * Leaves in `s.trial` the stationary queue at the overtime in [0, `cap`] the queue sustains (where
 * {@link overtimeGap}, falling as overtime rises, crosses 0; the cap when it is not below 0 there,
 * 0 when it is not above 0 at 0) and returns whether there is one. Regula falsi with the Illinois
 * modification (Dowell and Jarratt 1971, "A modified regula falsi method for computing the root of
 * an equation", BIT 11): each step keeps a bracket of the crossing, and halves the gap kept at an
 * end that stays twice in a row, so both ends close in; it stops when the bracket is at most
 * {@link OVERTIME_PRECISION} wide, as bisection did, in a third of the evaluations (the gap is
 * nearly linear in the hours).
 */
const sustainedOvertime = (
  s: TeamRuns,
  regular: number,
  perHour: number,
  rule: OvertimeRule,
  cap: number,
): boolean => {
  let highGap = overtimeGap(s, regular, perHour, rule, cap);
  if (!(highGap < 0)) return !Number.isNaN(highGap);
  let lowGap = overtimeGap(s, regular, perHour, rule, 0);
  if (!(lowGap > 0)) return !Number.isNaN(lowGap);
  let low = 0;
  let high = cap;
  let kept = 0;
  for (let step = 0; step < MAX_STEPS; step++) {
    const hours = Math.min(high, Math.max(low, (low * highGap - high * lowGap) / (highGap - lowGap)));
    const gap = overtimeGap(s, regular, perHour, rule, hours);
    if (gap > 0) {
      low = hours;
      lowGap = gap;
      if (kept > 0) highGap /= 2;
      kept = 1;
    } else {
      high = hours;
      highGap = gap;
      if (kept < 0) lowGap /= 2;
      kept = -1;
    }
    if (gap === 0 || Number.isNaN(gap) || high - low <= OVERTIME_PRECISION) return !Number.isNaN(gap);
  }
  return true;
};

/**
 * Starts run r's queue as a team that has run at week 0's `rates` (regular capacity) under the
 * overtime `rule` for a while: the stationary queue at the overtime it sustains (the rule
 * applied to that queue gives back the same hours, {@link sustainedOvertime}).
 * The load is capped at {@link START_LOAD_CAP} (the rule shifted to match): a team overloaded
 * today has an unknown backlog, so it starts from the queue of that load and grows. No capacity
 * starts empty.
 */
export const startQueue = (
  s: TeamRuns,
  r: number,
  rates: QueueRates,
  rule: OvertimeRule,
  perHour: number,
): void => {
  const regular = rates.capacity;
  const capped = Math.min(rates.arrivals, START_LOAD_CAP * regular);
  startLoad.arrivals = capped;
  startLoad.servers = rates.servers;
  startLoad.serviceCv2 = rates.serviceCv2;
  const offset = rule.offset;
  rule.offset = offset - rule.slope * (rates.arrivals - capped);
  const stationary = sustainedOvertime(s, regular, perHour, rule, rule.cap > 0 && perHour > 0 ? rule.cap : 0);
  rule.offset = offset;
  s.inSystem[r] = stationary ? s.trial.mean : 0;
  s.inSystemVariance[r] = stationary ? s.trial.variance : 0;
  s.aboveServers[r] = 0;
  s.step[r] = 1;
};
