import { type ForecastInput, type ForecastInputRaw, forecastInputSchema } from '../schemas/forecast-input';
import { meanBands } from './bands';
import { anyBreach, firstBreaches } from './breaches';
import { meanTeamSeries } from './mean-path';
import { M } from './metrics';
import { centralParams, type ModelParams, teamParameters } from './model-params';
import { requiredServers } from './staffing';
import { buildTimeline, type Timeline } from './timeline';
import { weekDates } from './weeks';

/** Reviewers a team needs to hold the service-level objective in its busiest week. */
export interface ReviewersNeeded {
  teamId: string;
  /** Week index and Monday of the peak sign-off workload on the mean path. */
  peakWeek: number;
  peakDate: string;
  /** Sign-off reviewers present that week (people; ramping hires count partly). */
  reviewersPresent: number;
  /** Fewest whole reviewers meeting the service level and the utilisation threshold at the peak. */
  reviewersNeeded: number;
  /** max(0, reviewersNeeded - reviewersPresent), rounded up to whole people. */
  shortfall: number;
}

/** What the answers read for any team: a parsed input, compiled once (timeline, central parameters, week dates). */
export interface AnswerContext {
  input: ForecastInput;
  tl: Timeline;
  params: ModelParams[];
  weeks: string[];
}

/** The {@link AnswerContext} of a parsed input. */
export const answerContext = (input: ForecastInput): AnswerContext => {
  const tl = buildTimeline(input);
  const params = teamParameters(input).map(centralParams);
  return { input, tl, params, weeks: weekDates(input.options.startWeek, tl.weeks) };
};

/**
 * Team t's {@link ReviewersNeeded}, read on its mean-path series (meanTeamSeries; pass it when
 * already computed, e.g. by the mean path itself).
 */
export const teamReviewersNeeded = (
  ctx: AnswerContext,
  t: number,
  series = meanTeamSeries(ctx.tl, t, ctx.params[t]!),
): ReviewersNeeded => {
  const { tl, weeks } = ctx;
  const { thresholds } = ctx.input.options;
  const params = ctx.params[t]!;
  const regularHours = params.reviewHoursPerReviewer * (1 - params.shrinkage);
  const at = (metric: number, w: number) => series[metric * tl.weeks + w]!;
  let peak = 0;
  for (let w = 1; w < tl.weeks; w++) if (at(M.demandHours, w) > at(M.demandHours, peak)) peak = w;
  const hours = at(M.demandHours, peak);
  const changes = at(M.signoffDemand, peak);
  const present = at(M.reviewers, peak);
  const needed =
    changes > 0 && regularHours > 0
      ? requiredServers({
          traffic: hours / regularHours,
          serviceTime: ((hours / changes) * params.workHoursPerWeek) / regularHours,
          targetTime: thresholds.targetWaitHours,
          serviceLevel: thresholds.serviceLevel,
          maxOccupancy: Math.min(1, Math.max(thresholds.utilization, 1e-9)),
        }).servers
      : 0;
  return {
    teamId: ctx.input.org.teams[t]!.id,
    peakWeek: peak,
    peakDate: weeks[peak]!,
    reviewersPresent: present,
    reviewersNeeded: needed,
    shortfall: Math.max(0, Math.ceil(needed - present - 1e-9)),
  };
};

/**
 * Per team: requiredServers on the peak week of the mean path. Each reviewer is a server giving
 * reviewHoursPerReviewer x (1 - shrinkage) regular hours a week, so traffic (Erlangs) = demand
 * hours / those hours, and a review holds its server serviceHours x workHours / those hours.
 * Targets: thresholds.serviceLevel within thresholds.targetWaitHours, occupancy at most
 * thresholds.utilization. Overtime and incident hours are left out (a plan should not rely on them).
 */
export const reviewersNeeded = (raw: ForecastInputRaw): ReviewersNeeded[] => {
  const ctx = answerContext(forecastInputSchema.parse(raw));
  return ctx.input.org.teams.map((_, t) => teamReviewersNeeded(ctx, t));
};

/** The largest layoff of a team's sign-off reviewers it absorbs without any threshold breach. */
export interface LayoffHeadroom {
  teamId: string;
  /** Largest whole percent (0-100) of reviewers cut at the start week with no breach over the horizon; null when the team breaches even without a cut. */
  maxLayoffPercent: number | null;
}

const breachesWithCut = ({ input, tl, params, weeks }: AnswerContext, t: number, percent: number) => {
  const cuts = Array.from(tl.canSignOff.keys())
    .filter((l) => tl.canSignOff[l])
    .map((l) => ({ week: 0, kind: 'layoff-percent' as const, level: l, toLevel: l, amount: percent }));
  const ops = [...tl.ops];
  ops[t] = [...cuts, ...ops[t]!];
  const series = meanTeamSeries({ ...tl, ops }, t, params[t]!);
  // Stryker disable next-line ArrowFunction: the ids only name the headcount bands, which no breach reads
  const levelIds = input.org.levels.map((level) => level.id);
  return anyBreach(firstBreaches(meanBands(series, tl.weeks, levelIds), input.options.thresholds, weeks));
};

/**
 * Team t's {@link LayoffHeadroom}: bisection over whole percents (see {@link layoffHeadroom}).
 * `breachesUncut`: whether its mean path breaches with no cut; a cut of 0% removes nobody, so
 * pass the mean path's own answer (anyBreach of its first breaches) when it is at hand.
 */
export const teamLayoffHeadroom = (
  ctx: AnswerContext,
  t: number,
  breachesUncut = breachesWithCut(ctx, t, 0),
): LayoffHeadroom => {
  const teamId = ctx.input.org.teams[t]!.id;
  if (breachesUncut) return { teamId, maxLayoffPercent: null };
  let ok = 0;
  let bad = 101;
  while (bad - ok > 1) {
    const mid = (ok + bad) >>> 1;
    if (breachesWithCut(ctx, t, mid)) bad = mid;
    else ok = mid;
  }
  return { teamId, maxLayoffPercent: ok };
};

/**
 * Per team: bisection over whole percents of a layoff of every sign-off level at the start week,
 * on the mean path. Relies on breaches being monotone in the cut (a property the tests check).
 */
export const layoffHeadroom = (raw: ForecastInputRaw): LayoffHeadroom[] => {
  const ctx = answerContext(forecastInputSchema.parse(raw));
  return ctx.input.org.teams.map((_, t) => teamLayoffHeadroom(ctx, t));
};
