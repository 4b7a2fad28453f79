import { anchorAt } from './anchor-table';
import { normalQuantile } from './distributions';
import { excessOf, logNormal, momentsAbove } from './lognormal-moments';
import {
  advanceQueue,
  anchorQueue,
  type ExtraCapacity,
  type QueueRates,
  relaxationRate,
} from './queue-closure';
import { type OvertimeRule, overtimeEffect } from './queue-overtime';
import { waitFigures } from './queue-waits';
import type { TeamRuns } from './team-state';

/** Closure steps per week (exponential Euler). */
const SUBSTEPS = 4;

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
export const runOvertime = (
  s: TeamRuns,
  r: number,
  q: { servers: number; reviewers: number; serviceHours: number },
  rule: OvertimeRule,
): void => overtimeEffect(s.inSystem[r]!, s.inSystemVariance[r]!, q, rule, s.closure, s.overtime);

/** A week of run r's queue: the backlog at its end, the changes completed, and waits in `s.waits`. */
export interface QueueWeekResult {
  backlog: number;
  completed: number;
}

/**
 * Advances run r's queue one week at `rates` plus `extra` (overtime), with `capacity` changes a
 * week in all for the waits. The mean path (`uniform` null) reports expected values. A Monte
 * Carlo run reports one draw of what a real week shows: its queue sits at normal score z (one
 * uniform a week, an AR(1) across weeks at the queue's relaxation rate), the backlog at the
 * week's end is the closure's N at z less the reviewers, and the waits are those of the week's
 * average queue at z, whose spread shrinks by the averaged share over the week. Arrival
 * randomness thus enters once, through the closure's spread.
 */
export const queueWeek = (
  s: TeamRuns,
  r: number,
  week: { rates: QueueRates; extra: ExtraCapacity; capacity: number },
  hours: { work: number; target: number },
  uniform: number | null,
  out: QueueWeekResult,
): void => {
  const { rates, extra } = week;
  const a = s.anchor;
  const c = s.closure;
  const mo = s.moments;
  const n = rates.servers;
  anchorAt(rates, c, a);
  mo.mean = s.inSystem[r]!;
  mo.variance = s.inSystemVariance[r]!;
  const start = mo.mean;
  let meanSum = 0.5 * mo.mean;
  let varianceSum = 0.5 * mo.variance;
  for (let k = 1; k <= SUBSTEPS; k++) {
    advanceQueue(rates, a, extra, mo, 1 / SUBSTEPS, c);
    const weight = k === SUBSTEPS ? 0.5 : 1;
    meanSum += weight * mo.mean;
    varianceSum += weight * mo.variance;
  }
  s.inSystem[r] = mo.mean;
  s.inSystemVariance[r] = mo.variance;
  out.completed = Math.max(0, start + rates.arrivals - mo.mean);
  const q = scratch;
  q.mean = meanSum / SUBSTEPS;
  q.variance = varianceSum / SUBSTEPS;
  q.servers = n;
  q.capacity = week.capacity;
  if (uniform === null) {
    logNormal(mo.mean, mo.variance, c.n);
    momentsAbove(c.n, n, c.above);
    out.backlog = excessOf(c.above, n);
  } else {
    const rate = relaxationRate(rates, q, c);
    const previous = s.level[r]!;
    const carry = Number.isNaN(previous) ? 0 : Math.exp(-rate);
    const z = carry * (carry > 0 ? previous : 0) + Math.sqrt(1 - carry * carry) * normalQuantile(uniform);
    s.level[r] = z;
    logNormal(mo.mean, mo.variance, c.n);
    out.backlog = Math.max(0, Math.exp(c.n.location + c.n.spread * z) - n);
    const kept = averagedShare(rate);
    logNormal(q.mean, q.variance * kept, c.n);
    q.mean = c.n.spread > 0 ? Math.exp(c.n.location + c.n.spread * z) : q.mean;
    q.variance *= 1 - kept;
  }
  waitFigures(q, a, hours, c, s.waits);
};

/** Reused by {@link queueWeek}: the wait inputs of the current run. */
const scratch = { mean: 0, variance: 0, servers: 1, capacity: 0 };
