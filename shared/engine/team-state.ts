import { type ClosureScratch, newScratch } from './closure-scratch';
import { type CountDistribution, newCountDistribution } from './count-distribution';
import { applyHeadcountOp } from './headcount-ops';
import type { ModelParams } from './model-params';
import {
  newAnchor,
  newEvaluation,
  type QueueAnchor,
  type QueueEvaluation,
  type QueueRates,
} from './queue-closure';
import type { QueueMoments } from './queue-moments';
import type { OvertimeEffect, OvertimeRule } from './queue-overtime';
import type { WaitFigures } from './queue-waits';
import type { Rng } from './rng';
import type { Timeline } from './timeline';

/**
 * One team's state across `runs` runs, struct-of-arrays (`[r * levels + l]` for headcount), so
 * a week steps every run in one pass. One run with `rngs` null is the deterministic mean path.
 */
export interface TeamRuns {
  team: number;
  runs: number;
  params: readonly ModelParams[];
  rngs: readonly Rng[] | null;
  headcount: Float64Array;
  /** Mean and variance of the changes in the system (waiting or in review), per run. */
  inSystem: Float64Array;
  inSystemVariance: Float64Array;
  /** Per run: the queue's normal score this week (Monte Carlo), carried as an AR(1) across weeks. */
  level: Float64Array;
  /** Per run: the step size (weeks) the step control proposes next. */
  step: Float64Array;
  /** Per run: the moments of the changes in the system above `aboveServers` reviewers at the last week's end (0 reviewers: not known). */
  aboveServers: Float64Array;
  aboveShare: Float64Array;
  aboveFirst: Float64Array;
  aboveSecond: Float64Array;
  /**
   * Per run: the count distribution of the queue at the last week's end, kept so that the next
   * week's overtime rule, taken over it, need not fill it again after the other runs' weeks.
   */
  counts: CountDistribution[];
  fatigue: Float64Array;
  incidentHours: Float64Array;
  /** Weekly attrition hazard added at full fatigue, per run: routine rate x (multiplier - 1). */
  burnoutHazard: Float64Array;
  nextOp: number;
  /** This week's timeline values per level, refreshed by {@link stepWeek}. */
  adoption: Float64Array;
  deficit: Float64Array;
  shock: Float64Array;
  /** Scratch reused week after week (no allocation in the step). */
  rates: QueueRates;
  anchor: QueueAnchor;
  /** The closure at a step's start and end, at a predicted end, and a trial step's end. */
  from: QueueEvaluation;
  to: QueueEvaluation;
  predicted: QueueEvaluation;
  trial: QueueMoments;
  closure: ClosureScratch;
  /** This week's overtime rule, and the overtime it sets. */
  overtimeRule: OvertimeRule;
  overtime: OvertimeEffect;
  waits: WaitFigures;
}

/** Fresh state for `params.length` runs of one team (one generator per run, or none). */
export const startTeamRuns = (
  tl: Timeline,
  team: number,
  params: readonly ModelParams[],
  rngs: readonly Rng[] | null,
): TeamRuns => {
  const { levels: L } = tl;
  const runs = params.length;
  const headcount = new Float64Array(runs * L);
  for (let r = 0; r < runs; r++) headcount.set(tl.headcount.subarray(team * L, team * L + L), r * L);
  // Loops, not Float64Array.from with a map function: a team of the mean path starts in microseconds.
  const burnoutHazard = new Float64Array(runs);
  const counts: CountDistribution[] = [];
  for (let r = 0; r < runs; r++) {
    counts.push(newCountDistribution());
    const p = params[r]!;
    burnoutHazard[r] =
      (1 - (1 - p.baseAttritionPerYear) ** (1 / 52)) * Math.max(0, p.burnoutHazardMultiplier - 1);
  }
  return {
    team,
    runs,
    params,
    rngs,
    headcount,
    inSystem: new Float64Array(runs),
    inSystemVariance: new Float64Array(runs),
    level: new Float64Array(runs).fill(Number.NaN),
    step: new Float64Array(runs).fill(1),
    aboveServers: new Float64Array(runs),
    aboveShare: new Float64Array(runs),
    aboveFirst: new Float64Array(runs),
    aboveSecond: new Float64Array(runs),
    counts,
    fatigue: new Float64Array(runs),
    incidentHours: new Float64Array(runs),
    burnoutHazard,
    nextOp: 0,
    adoption: new Float64Array(L),
    deficit: new Float64Array(L),
    shock: new Float64Array(L),
    rates: {
      arrivals: 0,
      capacity: 0,
      servers: 1,
      serviceCv2: 1,
      overtimeNarrowing: 0,
      overtimeDecay: 0,
    },
    anchor: newAnchor(),
    from: newEvaluation(),
    to: newEvaluation(),
    predicted: newEvaluation(),
    trial: { mean: 0, variance: 0 },
    closure: newScratch(),
    overtimeRule: { slope: 0, offset: 0, cap: 0 },
    overtime: { hoursPerReviewer: 0, busyHoursPerReviewer: 0, waiting: 0, covariance: 0 },
    waits: { mean: 0, p90: 0, serviceLevel: 1 },
  };
};

/** Applies the team's headcount ops dated week `w` to every run. */
export const applyOps = (tl: Timeline, s: TeamRuns, w: number): void => {
  const ops = tl.ops[s.team]!;
  const L = tl.levels;
  while (s.nextOp < ops.length && ops[s.nextOp]!.week === w) {
    const op = ops[s.nextOp++]!;
    // Stryker disable next-line EqualityOperator: a run past the last is an empty subarray, which every op leaves empty
    for (let r = 0; r < s.runs; r++)
      applyHeadcountOp(s.headcount.subarray(r * L, r * L + L), op, s.rngs !== null);
  }
};
