import { applyHeadcountOp } from './headcount-ops';
import type { ModelParams } from './model-params';
import type { Rng } from './rng';
import type { Timeline } from './timeline';
import { newWeekQueue, type WeekQueue, type WeekWaits } from './waits';

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
  backlog: Float64Array;
  fatigue: Float64Array;
  incidentHours: Float64Array;
  /** Weekly attrition hazard added at full fatigue, per run: routine rate x (multiplier - 1). */
  burnoutHazard: Float64Array;
  nextOp: number;
  /** This week's timeline values per level, refreshed by {@link stepWeek}. */
  adoption: Float64Array;
  deficit: Float64Array;
  shock: Float64Array;
  queue: WeekQueue;
  waits: WeekWaits;
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
  return {
    team,
    runs,
    params,
    rngs,
    headcount,
    backlog: new Float64Array(runs),
    fatigue: new Float64Array(runs),
    incidentHours: new Float64Array(runs),
    burnoutHazard: Float64Array.from(
      params,
      (p) => (1 - (1 - p.baseAttritionPerYear) ** (1 / 52)) * Math.max(0, p.burnoutHazardMultiplier - 1),
    ),
    nextOp: 0,
    adoption: new Float64Array(L),
    deficit: new Float64Array(L),
    shock: new Float64Array(L),
    queue: newWeekQueue(tl.targetWaitHours),
    waits: { mean: 0, p90: 0, serviceLevel: 1 },
  };
};

/** Applies the team's headcount ops dated week `w` to every run. */
export const applyOps = (tl: Timeline, s: TeamRuns, w: number): void => {
  const ops = tl.ops[s.team]!;
  const L = tl.levels;
  while (s.nextOp < ops.length && ops[s.nextOp]!.week === w) {
    const op = ops[s.nextOp++]!;
    for (let r = 0; r < s.runs; r++)
      applyHeadcountOp(s.headcount.subarray(r * L, r * L + L), op, s.rngs !== null);
  }
};
