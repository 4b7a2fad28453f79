import type { ScenarioEvent } from '../schemas/events';
import type { ForecastInput } from '../schemas/forecast-input';
import type { HeadcountOp } from './headcount-ops';
import { weekIndexOf } from './weeks';

/**
 * The scenario compiled to dense per-week arrays. Indexes: team t, level l, week w;
 * `[(t * levels + l) * weeks + w]` for team-level arrays, `[l * weeks + w]` for policy,
 * `[(t * 2 + kind) * weeks + w]` for review time (kind 0 human, 1 AI).
 */
export interface Timeline {
  teams: number;
  levels: number;
  weeks: number;
  /** Target wait for the service level, working hours. */
  targetWaitHours: number;
  canSignOff: Uint8Array;
  /** Changes per week of a non-adopter per level: the ladder's (see {@link teamTimeline} for a team's own). */
  changesPerWeek: Float64Array;
  /** Per team: its own changes per week per level where it overrides the ladder's (null: the ladder's). */
  teamChangesPerWeek: (Float64Array | null)[];
  /** Headcount per team and level at the start, `[t * levels + l]`. */
  headcount: Float64Array;
  /** Share (0-1) of engineers using AI. */
  adoption: Float64Array;
  /** 1 where a change of that kind by that level needs sign-off that week. */
  mandatoryAi: Uint8Array;
  mandatoryHuman: Uint8Array;
  /** Review-time multiplier from tool effects. */
  reviewTime: Float64Array;
  /** Not-yet-productive hires (headcount equivalents). */
  rampDeficit: Float64Array;
  /** Probability of leaving in that week from attrition shocks. */
  shock: Float64Array;
  /** Dated headcount changes per team, in week order. */
  ops: HeadcountOp[][];
}

const fill = (
  array: Float64Array | Uint8Array,
  start: number,
  from: number,
  to: number,
  value: (w: number) => number,
) => {
  for (let w = Math.max(0, from); w < to; w++) array[start + w] = value(w);
};

interface Lookup {
  /** Team indexes named by ids, or every team when ids are omitted. */
  teamsOf: (ids: string[] | undefined) => number[];
  /** Level indexes named by ids, or every level when ids are omitted. */
  levelsOf: (ids: string[] | undefined) => number[];
  levelIds: string[];
}

const smoothstep = (x: number): number => x * x * (3 - 2 * x);

/** Compiles org, parameters and scenario events into a {@link Timeline}. */
export const buildTimeline = (input: ForecastInput): Timeline => {
  const { org, scenario, options, parameters } = input;
  const T = org.teams.length;
  const L = org.levels.length;
  const W = options.horizonWeeks;
  const levelIndex = new Map(org.levels.map((level, l) => [level.id, l]));
  /** A team's own change rates per level, the ladder's where it has none (a loop: Float64Array.from with a map function took a tenth of the timeline of 10,000 teams). */
  const ownRates = (own: Record<string, number>): Float64Array => {
    const rates = new Float64Array(L);
    for (let l = 0; l < L; l++) rates[l] = own[org.levels[l]!.id] ?? org.levels[l]!.changesPerWeek;
    return rates;
  };
  const teamIndex = new Map(org.teams.map((team, t) => [team.id, t]));
  const tl: Timeline = {
    teams: T,
    levels: L,
    weeks: W,
    targetWaitHours: options.thresholds.targetWaitHours,
    canSignOff: Uint8Array.from(org.levels, (level) => (level.canSignOff ? 1 : 0)),
    changesPerWeek: Float64Array.from(org.levels, (level) => level.changesPerWeek),
    teamChangesPerWeek: org.teams.map(({ changesPerWeek: own }) =>
      own === undefined ? null : ownRates(own),
    ),
    headcount: new Float64Array(T * L),
    adoption: new Float64Array(T * L * W),
    mandatoryAi: new Uint8Array(L * W),
    mandatoryHuman: new Uint8Array(L * W),
    reviewTime: new Float64Array(T * 2 * W).fill(1),
    rampDeficit: new Float64Array(T * L * W),
    shock: new Float64Array(T * L * W),
    ops: org.teams.map(() => []),
  };
  org.teams.forEach((team, t) => {
    const baseline = team.parameters?.baselineAiAdoption ?? parameters.baselineAiAdoption;
    tl.adoption.fill(baseline, t * L * W, (t + 1) * L * W);
    for (const [id, count] of Object.entries(team.headcount))
      tl.headcount[t * L + levelIndex.get(id)!] = count;
  });
  const lookup: Lookup = {
    teamsOf: (ids) => (ids ? ids.map((id) => teamIndex.get(id)!) : [...teamIndex.values()]),
    levelsOf: (ids) => (ids ? ids.map((id) => levelIndex.get(id)!) : [...levelIndex.values()]),
    levelIds: org.levels.map((level) => level.id),
  };
  // A stable sort: the events of one week keep the order they were given in.
  const dated = scenario.events
    .map((event) => ({ event, week: weekIndexOf(options.startWeek, event.date) }))
    .sort((x, y) => x.week - y.week);
  for (const { event, week } of dated) {
    if (week >= W) continue;
    applyEvent(tl, event, week, lookup);
  }
  return tl;
};

/** Team t's view of `tl`: the ladder's change rates replaced by the team's own where it has them. */
export const teamTimeline = (tl: Timeline, t: number): Timeline => {
  const own = tl.teamChangesPerWeek[t];
  return own ? { ...tl, changesPerWeek: own } : tl;
};

const applyEvent = (
  tl: Timeline,
  event: ScenarioEvent,
  week: number,
  { teamsOf, levelsOf, levelIds }: Lookup,
) => {
  const { levels: L, weeks: W } = tl;
  const at = Math.max(0, week);
  const level = (id: string) => levelsOf([id])[0]!;
  switch (event.type) {
    case 'ai-adoption': {
      const target = event.targetPercent / 100;
      const curve = new Float64Array(W);
      // Stryker disable next-line EqualityOperator: w = W writes past the end of curve, which a typed array drops
      for (let w = at; w < W; w++) {
        const x = Math.min(1, (w - week + 1) / event.rampWeeks);
        curve[w] = event.shape === 's-curve' ? smoothstep(x) : x;
      }
      for (const t of teamsOf(event.teamIds)) {
        for (const l of levelsOf(event.levels)) {
          const start = (t * L + l) * W;
          const from = tl.adoption[start + at]!;
          for (let w = at; w < W; w++) tl.adoption[start + w] = from + (target - from) * curve[w]!;
        }
      }
      return;
    }
    case 'review-policy':
      // Stryker disable next-line EqualityOperator: l = L fills from index L x W, past the end of both policy arrays, which typed arrays drop
      for (let l = 0; l < L; l++) {
        const rule = event.rules[levelIds[l]!];
        fill(tl.mandatoryAi, l * W, week, W, () => (rule?.ai ? 1 : 0));
        fill(tl.mandatoryHuman, l * W, week, W, () => (rule?.human ? 1 : 0));
      }
      return;
    case 'tool-effect':
      for (const t of teamsOf(event.teamIds)) {
        const factor = 1 + event.reviewTimePercent / 100;
        for (const kind of event.appliesTo === 'all' ? [0, 1] : event.appliesTo === 'ai' ? [1] : [0]) {
          const start = (t * 2 + kind) * W;
          fill(tl.reviewTime, start, week, W, (w) => tl.reviewTime[start + w]! * factor);
        }
      }
      return;
    case 'attrition-shock':
      for (const t of teamsOf(event.teamIds)) {
        for (const l of event.level === undefined ? levelsOf(undefined) : [level(event.level)]) {
          const i = (t * L + l) * W + at;
          tl.shock[i] = 1 - (1 - tl.shock[i]!) * (1 - event.percent / 100);
        }
      }
      return;
    case 'hire': {
      const t = teamsOf([event.teamId])[0]!;
      const l = level(event.level);
      const start = (t * L + l) * W;
      fill(tl.rampDeficit, start, week, W, (w) => {
        const productive = Math.min(1, (w - week + 1) / (event.rampWeeks + 1));
        return tl.rampDeficit[start + w]! + event.count * (1 - productive);
      });
      tl.ops[t]!.push({ week: at, kind: 'hire', level: l, toLevel: l, amount: event.count });
      return;
    }
    case 'promotion': {
      const t = teamsOf([event.teamId])[0]!;
      tl.ops[t]!.push({
        week: at,
        kind: 'promotion',
        level: level(event.fromLevel),
        toLevel: level(event.toLevel),
        amount: event.count,
      });
      return;
    }
    case 'layoff':
      for (const t of teamsOf(event.teamIds)) {
        const l = event.level === undefined ? -1 : level(event.level);
        const op = event.percent === undefined ? ('layoff-count' as const) : ('layoff-percent' as const);
        tl.ops[t]!.push({
          week: at,
          kind: op,
          level: l,
          toLevel: l,
          amount: event.percent ?? event.count ?? 0,
        });
      }
      return;
  }
};
