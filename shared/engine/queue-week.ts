import { anchorAt } from './anchor-table';
import {
  type Above,
  copyCountDistribution,
  countDistribution,
  excessOf,
  gammaAtScore,
  momentsAbove,
  newAbove,
} from './count-distribution';
import { normalQuantile } from './distributions';
import { MAX_WAIT_HOURS } from './metrics';
import { advanceQueue, evaluateQueue, type QueueEvaluation, type QueueRates } from './queue-closure';
import { type OvertimeRule, overtimeEffect } from './queue-overtime';
import { excessShape, waitFigures, zeroInflatedAt } from './queue-waits';
import { averagedShare, correlationRate, relaxedShare } from './relaxation';
import type { TeamRuns } from './team-state';

/**
 * Step control: a step is taken when its error estimate is at most the tolerance and retried
 * shorter otherwise (down to MIN_STEP of a week). The next step's length follows the estimate
 * (a first-order gap, so the length scales with the square root of tolerance over error, by a
 * factor between MIN_FACTOR and MAX_FACTOR, times SAFETY) and is carried from week to week per
 * run, at most a week. A queue near its equilibrium takes one step a week; a transient takes
 * several. STEP_TOLERANCE keeps the mean path within 0.6% of steps of 1/500 week (worst week of
 * two teams through a 30% layoff, an adoption ramp and a policy change). A Monte Carlo run uses
 * RUN_TOLERANCE: every run's week has its own capacity jump (incidents, departures), and at
 * this tolerance its P10/P50/P90 bands of backlog and wait move by at most 1% from those at
 * STEP_TOLERANCE on the oracle scenarios (less than the bands' own sampling error) with a third
 * fewer evaluations.
 */
const STEP_TOLERANCE = 0.003;
const RUN_TOLERANCE = 0.01;
const MIN_STEP = 1 / 64;
const SAFETY = 0.9;
const MIN_FACTOR = 0.25;
const MAX_FACTOR = 4;

/**
 * Rate (relative to 1 + the value, per week) below which the queue is at rest: both moment
 * equations' rates at the week's start are this small, so the week cannot move the state by
 * more (it relaxes monotonically to its equilibrium, at most this far away) and is not integrated.
 */
const STILL = 1e-5;

/** Whether the queue at evaluated state `e` is at rest under the week's rates ({@link STILL}). */
const isStill = (e: QueueEvaluation): boolean =>
  Math.abs(e.drift) <= STILL * (1 + e.mean) &&
  Math.abs(e.noise - e.decay * e.variance) <= STILL * (1 + e.variance);

/** The factor the step control scales a step by after an error estimate `error`. */
const stepFactor = (error: number, tolerance: number): number =>
  error > 0 ? Math.min(MAX_FACTOR, Math.max(MIN_FACTOR, SAFETY * Math.sqrt(tolerance / error))) : MAX_FACTOR;

/**
 * Sets run r's overtime for the week from its queue now into `s.overtime` (the rule over the
 * queue's spread), leaving the queue's moments above the n = `servers` reviewers in
 * `s.from.above` (carried from the week before when the reviewers are the same).
 */
export const runOvertime = (s: TeamRuns, r: number, servers: number, rule: OvertimeRule): void => {
  const e = s.from;
  const counts = s.counts[r]!;
  e.mean = s.inSystem[r]!;
  e.variance = s.inSystemVariance[r]!;
  const at = e.above;
  if (s.aboveServers[r] === servers) {
    at.share = s.aboveShare[r]!;
    at.first = s.aboveFirst[r]!;
    at.second = s.aboveSecond[r]!;
  } else {
    countDistribution(e.mean, e.variance, counts);
    momentsAbove(counts, servers, at);
    s.aboveServers[r] = servers;
    s.aboveShare[r] = at.share;
    s.aboveFirst[r] = at.first;
    s.aboveSecond[r] = at.second;
  }
  overtimeEffect(counts, e, at, servers, rule, s.overtime);
};

/** A week of run r's queue: the backlog at its end, the changes completed, and waits in `s.waits`. */
export interface QueueWeekResult {
  backlog: number;
  completed: number;
}

/** Time averages over the week of the closure's mean, moments above the reviewers and variance decay rate. */
const week = { mean: 0, decay: 0 };
const mixture: Above = newAbove();

/** Adds the trapezoid of a step of `dt` weeks from `a` to `b` to the week's averages. */
const accumulate = (a: QueueEvaluation, b: QueueEvaluation, dt: number): void => {
  const half = dt / 2;
  week.mean += half * (a.mean + b.mean);
  week.decay += half * (a.decay + b.decay);
  mixture.share += half * (a.above.share + b.above.share);
  mixture.first += half * (a.above.first + b.above.first);
  mixture.second += half * (a.above.second + b.above.second);
};

/**
 * Integrates run r's queue over `span` weeks at `rates` from the state in `s.from` (evaluated),
 * adding each step to the week's averages, and stores the end (mean, variance, moments above
 * the reviewers, next step) in the run's state. Returns the end's evaluation. A queue at rest
 * is not integrated (the span is one constant state).
 */
const integrate = (
  s: TeamRuns,
  r: number,
  rates: QueueRates,
  span: number,
  tolerance: number,
): QueueEvaluation => {
  const a = s.anchor;
  const c = s.closure;
  let from = s.from;
  let to = s.to;
  let t = 0;
  if (isStill(from)) {
    accumulate(from, from, span);
    t = span;
  }
  let h = s.step[r]!;
  while (t < span) {
    const dt = Math.min(h, span - t);
    const error = advanceQueue(rates, a, from, s.trial, dt, c, s.predicted);
    const factor = stepFactor(error, tolerance);
    if (error > tolerance && dt > MIN_STEP) {
      h = Math.max(MIN_STEP, dt * factor);
      continue;
    }
    evaluateQueue(rates, a, s.trial.mean, s.trial.variance, false, c, to);
    accumulate(from, to, dt);
    const swap = from;
    from = to;
    to = swap;
    t += dt;
    h = Math.min(span, factor >= 1 ? Math.max(h, dt * factor) : dt * factor);
  }
  s.step[r] = Math.min(1, h);
  s.inSystem[r] = from.mean;
  s.inSystemVariance[r] = from.variance;
  s.aboveServers[r] = rates.servers;
  s.aboveShare[r] = from.above.share;
  s.aboveFirst[r] = from.above.first;
  s.aboveSecond[r] = from.above.second;
  if (c.n.mean === from.mean && c.n.variance === from.variance) copyCountDistribution(c.n, s.counts[r]!);
  return from;
};

/**
 * Advances run r's queue one week at `rates` (capacity with the week's overtime) from its state
 * after {@link runOvertime}; waits
 * take `capacity` changes a week (overtime included) when every reviewer is busy, over the
 * week's mixture of states (time averages of the moments above the reviewers). The mean path
 * (`uniform` null) reports expected values. A Monte Carlo run reports one draw of what a real
 * week shows, at normal score z (one uniform a week, an AR(1) across weeks at the queue's
 * relaxation rate, half the variance's decay rate): the backlog at the week's end is 0 or a
 * gamma draw, empty with the probability the queue is (Erlang C x load at equilibrium), so its
 * mean over runs is the expected backlog; the week's mean wait is a gamma draw at the same
 * score with the variance of the instantaneous wait times the share a week-long average keeps
 * over the queue's integrated autocorrelation time ({@link correlationRate}; still skewed, as a
 * week's average of a skewed queue is), and with the mean of a run's own
 * weekly mean: the expected wait of an arriving change less the rise one more arrival brings
 * to the week's waits (a run with more arrivals has both more changes and longer waits, so the
 * mean over runs of each run's weekly mean is below the pooled mean by Cov(wait, N) / E[N]: a
 * change that arrives when every reviewer is busy delays the changes after it by workHours /
 * capacity, for the half of the week on average still to come, as far as that delay outlasts
 * the queue's relaxation). The p90 wait and the share waiting past the target scale with the
 * draw. Arrival randomness thus enters once, through the queue's distribution, not twice.
 */
export const queueWeek = (
  s: TeamRuns,
  r: number,
  rates: QueueRates,
  capacity: number,
  hours: { work: number; target: number },
  uniform: number | null,
  out: QueueWeekResult,
): void => {
  const a = s.anchor;
  const n = rates.servers;
  anchorAt(rates, s.closure, a);
  rates.overtimeDecay = 0;
  evaluateQueue(rates, a, s.inSystem[r]!, s.inSystemVariance[r]!, true, s.closure, s.from);
  rates.overtimeDecay = rates.overtimeNarrowing * relaxedShare(s.from.decay / 2);
  s.from.decay += rates.overtimeDecay;
  const start = s.from.mean;
  week.mean = 0;
  week.decay = 0;
  mixture.share = 0;
  mixture.first = 0;
  mixture.second = 0;
  const end = integrate(s, r, rates, 1, uniform === null ? STEP_TOLERANCE : RUN_TOLERANCE);
  out.completed = Math.max(0, start + rates.arrivals - end.mean);
  const q = scratch;
  q.mean = week.mean;
  q.servers = n;
  q.capacity = capacity;
  waitFigures(mixture, q, a, hours, s.waits);
  const above = end.above;
  if (uniform === null) {
    out.backlog = excessOf(above, n);
    return;
  }
  const rate = week.decay > 0 ? week.decay / 2 : rates.capacity / n;
  const previous = s.level[r]!;
  const carry = Number.isNaN(previous) ? 0 : Math.exp(-rate);
  const z = carry * (carry > 0 ? previous : 0) + Math.sqrt(1 - carry * carry) * normalQuantile(uniform);
  s.level[r] = z;
  const load = capacity > 0 ? Math.min(1, rates.arrivals / capacity) : 1;
  const shape = excessShape(a, above, n);
  const nonEmpty = Math.min(1, above.share * a.waitScale * load);
  out.backlog = zeroInflatedAt(excessOf(above, n), nonEmpty, shape, z);
  const waiting = Math.min(1, above.share * a.waitScale);
  const average = s.waits.mean;
  const instantCv2 = waiting > 0 ? (1 + 1 / shape) / waiting - 1 : 0;
  const kept = averagedShare(correlationRate(rates.arrivals, capacity, rates.serviceCv2));
  const variance = kept * instantCv2 * average * average;
  const rise = capacity > 0 ? (waiting * hours.work * kept) / (2 * capacity) : 0;
  const perRun = Math.max(0, average - rise);
  const weekly = variance > 0 && perRun > 0 ? gammaAtScore(perRun, (perRun * perRun) / variance, z) : perRun;
  const ratio = average > 0 ? weekly / average : 1;
  s.waits.mean = weekly;
  s.waits.p90 = Math.min(MAX_WAIT_HOURS, s.waits.p90 * ratio);
  s.waits.serviceLevel = Math.min(1, Math.max(0, 1 - (1 - s.waits.serviceLevel) * ratio));
};

/** Reused by {@link queueWeek}: the wait inputs of the current run. */
const scratch = { mean: 0, servers: 1, capacity: 0 };
