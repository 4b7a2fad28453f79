import { anchorAt } from './anchor-table';
import { countDistribution, excessOf, momentsAbove } from './count-distribution';
import { normalQuantile } from './distributions';
import { MAX_WAIT_HOURS } from './metrics';
import { advanceQueue, anchorQueue, type QueueRates, relaxationRate } from './queue-closure';
import { type OvertimeRule, overtimeEffect } from './queue-overtime';
import { excessShape, waitFigures, zeroInflatedAt } from './queue-waits';
import type { TeamRuns } from './team-state';

/**
 * Step control: a step is taken when its error estimate is at most STEP_TOLERANCE, halved
 * otherwise (down to MIN_STEP of a week), and doubled after a step far inside the tolerance.
 * A queue near its equilibrium takes one step a week; a transient takes several. The tolerance
 * keeps the mean path within about 1% of 64 fixed steps a week on the oracle scenarios.
 */
const STEP_TOLERANCE = 0.003;
const MIN_STEP = 1 / 64;

/**
 * Highest load a forecast's starting queue is taken at: a team overloaded today has an unknown
 * backlog, so it starts from the stationary queue at this load (monotone in the load) and grows.
 */
const START_LOAD_CAP = 0.95;

/** Share of a week-long average's variance that a stationary process with relaxation rate x (per week) keeps: 2 (x - 1 + e^-x) / x^2. */
const averagedShare = (x: number): number => (x > 1e-6 ? (2 * (x - 1 + Math.exp(-x))) / (x * x) : 1 - x / 3);

/**
 * Starts run r's queue at the stationary state of `rates` (the queue a team that has run at that
 * load for a while holds), at most at {@link START_LOAD_CAP}; no capacity starts empty.
 */
export const startQueue = (s: TeamRuns, r: number, rates: QueueRates): void => {
  const capped = { ...rates, arrivals: Math.min(rates.arrivals, START_LOAD_CAP * rates.capacity) };
  anchorQueue(capped, s.closure, s.anchor);
  const { mean, variance } = s.anchor;
  const stationary = Number.isFinite(mean);
  s.inSystem[r] = stationary ? mean : 0;
  s.inSystemVariance[r] = stationary ? variance : 0;
};

/** Run r's overtime this week under `rule`, and its changes waiting now, from its queue, into `s.overtime`. */
export const runOvertime = (s: TeamRuns, r: number, servers: number, rule: OvertimeRule): void =>
  overtimeEffect(s.inSystem[r]!, s.inSystemVariance[r]!, servers, rule, s.closure, s.overtime);

/** A week of run r's queue: the backlog at its end, the changes completed, and waits in `s.waits`. */
export interface QueueWeekResult {
  backlog: number;
  completed: number;
}

/**
 * Advances run r's queue one week at `rates`; waits take `capacity` changes a week (overtime
 * included) when every reviewer is busy. The mean path (`uniform` null) reports expected
 * values. A Monte Carlo run reports one draw of what a real week shows, at normal score z (one
 * uniform a week, an AR(1) across weeks at the queue's relaxation rate): the backlog at the
 * week's end is 0 or a gamma draw, empty with the probability the queue is (Erlang C x load at
 * equilibrium), so its mean over runs is the expected backlog; the week's mean wait is the
 * instantaneous wait drawn the same way, pulled toward its mean by the share of variance a
 * week-long average keeps; the p90 wait and the share waiting past the target scale with it.
 * Arrival randomness thus enters once, through the queue's distribution, not twice.
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
  const c = s.closure;
  const mo = s.moments;
  const n = rates.servers;
  anchorAt(rates, c, a);
  mo.mean = s.inSystem[r]!;
  mo.variance = s.inSystemVariance[r]!;
  const start = mo.mean;
  let meanSum = 0;
  let varianceSum = 0;
  let t = 0;
  let h = 1;
  const next = trial;
  while (t < 1) {
    h = Math.min(h, 1 - t);
    const error = advanceQueue(rates, a, mo, next, h, c);
    if (error > STEP_TOLERANCE && h > MIN_STEP) {
      h /= 2;
      continue;
    }
    meanSum += (h * (mo.mean + next.mean)) / 2;
    varianceSum += (h * (mo.variance + next.variance)) / 2;
    mo.mean = next.mean;
    mo.variance = next.variance;
    t += h;
    if (error < STEP_TOLERANCE / 8) h *= 2;
  }
  s.inSystem[r] = mo.mean;
  s.inSystemVariance[r] = mo.variance;
  out.completed = Math.max(0, start + rates.arrivals - mo.mean);
  const q = scratch;
  q.mean = meanSum;
  q.variance = varianceSum;
  q.servers = n;
  q.capacity = capacity;
  if (uniform === null) {
    countDistribution(mo.mean, mo.variance, c.n);
    momentsAbove(c.n, n, c.above);
    out.backlog = excessOf(c.above, n);
    waitFigures(q, a, hours, c, s.waits);
    return;
  }
  const rate = relaxationRate(rates, q, c);
  const previous = s.level[r]!;
  const carry = Number.isNaN(previous) ? 0 : Math.exp(-rate);
  const z = carry * (carry > 0 ? previous : 0) + Math.sqrt(1 - carry * carry) * normalQuantile(uniform);
  s.level[r] = z;
  const load = capacity > 0 ? Math.min(1, rates.arrivals / capacity) : 1;
  countDistribution(mo.mean, mo.variance, c.n);
  momentsAbove(c.n, n, c.above);
  const nonEmpty = Math.min(1, c.above.share * a.waitScale * load);
  out.backlog = zeroInflatedAt(excessOf(c.above, n), nonEmpty, excessShape(a, c.above, n), z);
  waitFigures(q, a, hours, c, s.waits);
  const shape = excessShape(a, c.above, n);
  const waiting = Math.min(1, c.above.share * a.waitScale);
  const average = s.waits.mean;
  const instant = zeroInflatedAt(average, waiting, shape, z);
  const week = average + Math.sqrt(averagedShare(rate)) * (instant - average);
  const ratio = average > 0 ? week / average : 1;
  s.waits.mean = week;
  s.waits.p90 = Math.min(MAX_WAIT_HOURS, s.waits.p90 * ratio);
  s.waits.serviceLevel = Math.min(1, Math.max(0, 1 - (1 - s.waits.serviceLevel) * ratio));
};

/** Reused by {@link queueWeek}: the wait inputs of the current run, and a trial step's end. */
const scratch = { mean: 0, variance: 0, servers: 1, capacity: 0 };
const trial = { mean: 0, variance: 0 };
