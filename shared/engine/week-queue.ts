import { gammaQuadrature } from './gamma-quadrature';
import type { ModelParams } from './model-params';
import { type OvertimeCapacity, overtimeOffset, overtimeWeek } from './overtime-week';
import type { QueueRates } from './queue-closure';
import type { OvertimeRule } from './queue-overtime';
import { type QueueWeekResult, queueWeek } from './queue-week';
import type { TeamRuns } from './team-state';

/** A week of one run's queue under the overtime rule, as the week's step reports it (waits in `s.waits`). */
export interface WeekQueue {
  /** Changes waiting at the week's start (what the overtime rule saw). */
  waiting: number;
  overtimeHoursPerReviewer: number;
  /** Review hours, overtime included, less incident work; and in changes a week. */
  capacityHours: number;
  capacityChanges: number;
  backlog: number;
}

/** What the week's step knows of one run's week, beyond `rates` and the overtime rule. */
export interface WeekDemand {
  /** Expected sign-off arrivals, mean review hours of one. */
  signoff: number;
  serviceHours: number;
  reviewers: number;
  incidentHours: number;
  /** Regular review hours before incident work. */
  baseCapacity: number;
  waitHours: { work: number; target: number };
}

/** A zeroed week's queue figures, to be written by {@link runWeekQueue} or {@link burstyWeekQueue}. */
export const newWeekQueue = (): WeekQueue => ({
  waiting: 0,
  overtimeHoursPerReviewer: 0,
  capacityHours: 0,
  capacityChanges: 0,
  backlog: 0,
});

/** A zeroed week's demand, to be filled by the week's step. */
export const newWeekDemand = (): WeekDemand => ({
  signoff: 0,
  serviceHours: 0,
  reviewers: 0,
  incidentHours: 0,
  baseCapacity: 0,
  waitHours: { work: 40, target: 0 },
});

const result: QueueWeekResult = { backlog: 0, completed: 0 };
const capacity: OvertimeCapacity = { hours: 0, busy: 0 };

/**
 * Run r's week at `rates` (arrivals and regular capacity set): the overtime the rule sets from
 * its queue now, then the queue over the week (`uniform` null on the mean path); into `out`.
 */
export const runWeekQueue = (
  s: TeamRuns,
  r: number,
  rates: QueueRates,
  rule: OvertimeRule,
  d: WeekDemand,
  uniform: number | null,
  out: WeekQueue,
): void => {
  overtimeWeek(s, r, rates, rule, d.reviewers, d.serviceHours, d.baseCapacity - d.incidentHours, capacity);
  out.waiting = s.overtime.waiting;
  out.overtimeHoursPerReviewer = s.overtime.hoursPerReviewer;
  out.capacityHours = capacity.hours;
  out.capacityChanges = rates.capacity;
  queueWeek(s, r, rates, capacity.busy, d.waitHours, uniform, result);
  out.backlog = result.backlog;
};

/** Run r's carried queue state, saved so each quadrature node starts the week from it. */
const saved = new Float64Array(7);
const node = newWeekQueue();

const save = (s: TeamRuns, r: number): void => {
  saved[0] = s.inSystem[r]!;
  saved[1] = s.inSystemVariance[r]!;
  saved[2] = s.aboveServers[r]!;
  saved[3] = s.aboveShare[r]!;
  saved[4] = s.aboveFirst[r]!;
  saved[5] = s.aboveSecond[r]!;
  saved[6] = s.step[r]!;
};

const restore = (s: TeamRuns, r: number): void => {
  s.inSystem[r] = saved[0]!;
  s.inSystemVariance[r] = saved[1]!;
  s.aboveServers[r] = saved[2]!;
  s.aboveShare[r] = saved[3]!;
  s.aboveFirst[r] = saved[4]!;
  s.aboveSecond[r] = saved[5]!;
  s.step[r] = saved[6]!;
};

/**
 * The mean path's week of a team with bursty arrivals (`p.arrivalDispersion` k above 0): the
 * expected week over the week's gamma rate multiplier G (mean 1, variance k), by the three-point
 * quadrature of G (exact to degree 5): the week runs from the same start at each node's rate, and
 * its figures are averaged by the node weights; waits by the node's arrivals (weight x g, as a
 * pooled wait is by change); the queue's end state is the mixture's mean and variance (the law of
 * total variance), so next week starts from the spread bursty weeks leave.
 */
export const burstyWeekQueue = (
  s: TeamRuns,
  r: number,
  rates: QueueRates,
  rule: OvertimeRule,
  p: ModelParams,
  d: WeekDemand,
  out: WeekQueue,
): void => {
  const { nodes, weights } = gammaQuadrature(p.arrivalDispersion);
  const regular = rates.capacity;
  save(s, r);
  let mean = 0;
  let square = 0;
  let step = 1;
  let waitMean = 0;
  let waitP90 = 0;
  let withinTarget = 0;
  out.waiting = 0;
  out.overtimeHoursPerReviewer = 0;
  out.capacityHours = 0;
  out.capacityChanges = 0;
  out.backlog = 0;
  for (let i = 0; i < 3; i++) {
    const g = nodes[i]!;
    const w = weights[i]!;
    restore(s, r);
    rates.capacity = regular;
    rates.arrivals = d.signoff * g;
    rule.offset = overtimeOffset(
      p,
      d.reviewers,
      rates.arrivals * d.serviceHours,
      d.incidentHours,
      d.baseCapacity,
    );
    runWeekQueue(s, r, rates, rule, d, null, node);
    out.waiting += w * node.waiting;
    out.overtimeHoursPerReviewer += w * node.overtimeHoursPerReviewer;
    out.capacityHours += w * node.capacityHours;
    out.capacityChanges += w * node.capacityChanges;
    out.backlog += w * node.backlog;
    const m = s.inSystem[r]!;
    mean += w * m;
    square += w * (s.inSystemVariance[r]! + m * m);
    step = Math.min(step, s.step[r]!);
    waitMean += w * g * s.waits.mean;
    waitP90 += w * g * s.waits.p90;
    withinTarget += w * g * s.waits.serviceLevel;
  }
  s.inSystem[r] = mean;
  s.inSystemVariance[r] = Math.max(0, square - mean * mean);
  s.aboveServers[r] = 0;
  s.step[r] = step;
  s.waits.mean = waitMean;
  s.waits.p90 = waitP90;
  s.waits.serviceLevel = withinTarget;
};
