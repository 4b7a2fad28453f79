import {
  type Level,
  MAX_CHANGES_PER_WEEK,
  type ParameterName,
  type ParameterOverrides,
  type Parameters,
  parameterBounds,
  type TeamChangeRateRanges,
  type TeamChangeRates,
} from '../../../shared/index';
import { blockResamples } from './block-bootstrap';
import { type CapacityFit, type CapacityTeam, capacityFitter } from './capacity-fit';
import { type Estimates, estimateRows, quantile, weekTable } from './estimates';
import type { TeamHistory } from './team-history';

/** A fitted value and its bootstrap range (5th to 95th percentile of the resamples). */
export interface FittedValue {
  value: number;
  low: number;
  high: number;
}

/** What a fit gives: named values with ranges, the engine override and the fitted ladder. */
export interface Fit {
  /** Engine parameters, `changesPerWeek.<level>`, and the observed figures they come from. */
  fitted: Record<string, FittedValue>;
  /** The team's engine parameter override: fitted values and their ranges as multipliers. */
  parameters: ParameterOverrides;
  /** The ladder the fit read (the org's, unchanged). */
  levels: readonly Level[];
  /** The team's own changes per non-adopter week, per level with people ({@link calibrationChangeRates}). */
  changesPerWeek: TeamChangeRates;
  /** Those rates' bootstrap ranges as multipliers, drawn per Monte Carlo run ({@link calibrationChangeRateRanges}). */
  changesPerWeekRanges: TeamChangeRateRanges;
  /** Engine parameters the history cannot inform, left at the org's values. */
  defaults: ParameterName[];
  /** Weeks fitted: the last {@link FIT_WEEKS} of the history (all when fewer). */
  weeks: number;
}

/**
 * Weeks at the end of a history the fit reads: the team as it is now, a full year so that no
 * season (holidays, release cycles) biases a level. Older weeks describe a team that may have
 * changed (people, process, tools) and are left out.
 */
export const FIT_WEEKS = 52;

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));

/**
 * Highest arrivalDispersion a fit gives: the engine's bound (parameters.ts: a week's rate varying
 * by more than 140% as its standard deviation over its mean is past what a weekly model of a team
 * describes). A history burstier than that (a release week of hundreds of changes after quiet
 * ones) is taken at the bound: the engine would refuse the value, and its bands stay the widest
 * the model allows rather than the history's.
 */
export const MAX_ARRIVAL_DISPERSION = parameterBounds('arrivalDispersion').max;

/** The AI adoption (0-1) at which the engine's AI-assisted share of changes is `share`. */
export const adoptionFor = (share: number, base: Parameters): number => {
  const m = base.adopterChangeMultiplier;
  const denominator = m * base.aiAssistedShare - share * (m - 1);
  return share <= 0 ? 0 : denominator > 0 ? clamp(share / denominator, 0, 1) : 1;
};

/**
 * The engine values an estimate implies, given the org's other parameters `base`:
 * - baselineAiAdoption a: observed AI share s = a m sigma / (1 - a + a m) (m adopterChangeMultiplier,
 *   sigma aiAssistedShare) solved for a, within 0-1.
 * - changesPerWeek.<level>: changes per engineer-week / (1 - a + a m), the non-adopter rate.
 * - ordinaryReviewShare: the share of non-sign-off levels' changes that need sign-off (no
 *   review-policy event marks any, so the engine's sign-off demand is exactly this share).
 * - observed figures kept as they are: aiShare, aiShareSlope (per week), signoffsPerReviewerWeek,
 *   medianHoursToSignoff, p90HoursToSignoff and meanHoursToSignoff (calendar hours), weekEndOpenShare.
 * - arrivalDispersion: the weekly sign-off demand's negative binomial dispersion, the engine's
 *   gamma-mixed Poisson weeks of the same variance (mean (1 + k mean)), within the engine's bound
 *   ({@link MAX_ARRIVAL_DISPERSION}).
 * humanReviewHours is fitted to meanHoursToSignoff afterwards ({@link fitHistory}).
 */
export function engineValues(est: Estimates, base: Parameters): Record<string, number> {
  const m = base.adopterChangeMultiplier;
  const a = adoptionFor(est.aiShareLevel, base);
  const out: Record<string, number> = {
    baselineAiAdoption: a,
    aiShare: est.aiShareLevel,
    aiShareSlope: est.aiShareSlope,
  };
  for (const [level, rate] of Object.entries(est.changesPerEngineerWeek)) {
    out[`${RATE_PREFIX}${level}`] = clamp(rate / (1 - a + a * m), 0, MAX_CHANGES_PER_WEEK);
  }
  if (est.signoffShare !== null) out.ordinaryReviewShare = clamp(est.signoffShare, 0, 1);
  if (est.signoffsPerReviewerWeek !== null) out.signoffsPerReviewerWeek = est.signoffsPerReviewerWeek;
  if (est.medianHoursToSignoff !== null) out.medianHoursToSignoff = est.medianHoursToSignoff;
  if (est.p90HoursToSignoff !== null) out.p90HoursToSignoff = est.p90HoursToSignoff;
  if (est.meanHoursToSignoff !== null) out.meanHoursToSignoff = est.meanHoursToSignoff;
  if (est.weekEndOpenShare !== null) out.weekEndOpenShare = est.weekEndOpenShare;
  if (est.demandDispersion !== null)
    out.arrivalDispersion = clamp(est.demandDispersion, 0, MAX_ARRIVAL_DISPERSION);
  if (est.activeReviewerShare !== null) out.activeReviewerShare = est.activeReviewerShare;
  return out;
}

/** The engine parameters a calibration sets (the rest of `fitted` is observed figures and the ladder). */
const engineNames = [
  'baselineAiAdoption',
  'ordinaryReviewShare',
  'humanReviewHours',
  'activeReviewerShare',
  'arrivalDispersion',
] as const;

/**
 * Org parameters the fit holds at their values to derive its own: the adoption and change rates
 * go through adopterChangeMultiplier and aiAssistedShare ({@link engineValues}), the review hours
 * through the capacity each reviewer gives and the AI changes' review time (capacity-fit.ts).
 * A calibrated team keeps them fixed (range [1, 1]): drawing one alone would move what the history
 * observed (the demand, the load and so the hours to sign-off at the origin), an uncertainty the
 * fitted values' own ranges already carry.
 */
export const conditionedNames = [
  'adopterChangeMultiplier',
  'aiAssistedShare',
  'aiReviewTimeMultiplier',
  'reviewHoursPerReviewer',
  'shrinkage',
  'serviceCv',
] as const satisfies readonly ParameterName[];

/**
 * A range as the engine's [low, high] multipliers of the value, within the schema's bounds (at
 * most 10) and so that no draw passes the parameter's own bound (`max`).
 */
const multipliers = ({ value, low, high }: FittedValue, max: number): [number, number] => [
  clamp(low / value, 0.01, 1),
  clamp(Math.min(high, max) / value, 1, 10),
];

/** A team's engine override from fitted values: each engine value, its range as multipliers; {@link conditionedNames} fixed. */
export function calibrationOverrides(fitted: Record<string, FittedValue>): ParameterOverrides {
  const parameters: ParameterOverrides = {
    uncertainty: Object.fromEntries(conditionedNames.map((name) => [name, [1, 1]])),
  };
  for (const name of engineNames) {
    const found = fitted[name];
    if (found === undefined) continue;
    parameters[name] = found.value;
    if (found.value > 0) parameters.uncertainty![name] = multipliers(found, parameterBounds(name).max);
  }
  return parameters;
}

const RATE_PREFIX = 'changesPerWeek.';

/** A team's change rates per level from fitted values: each `changesPerWeek.<level>`'s value. */
export function calibrationChangeRates(fitted: Record<string, FittedValue>): TeamChangeRates {
  const rates: TeamChangeRates = {};
  for (const [name, { value }] of Object.entries(fitted)) {
    if (name.startsWith(RATE_PREFIX)) rates[name.slice(RATE_PREFIX.length)] = value;
  }
  return rates;
}

/**
 * A team's change-rate ranges from fitted values: each `changesPerWeek.<level>`'s range as the
 * engine's multipliers (levels fitted at 0 changes have none: a multiplier of 0 moves nothing).
 */
export function calibrationChangeRateRanges(fitted: Record<string, FittedValue>): TeamChangeRateRanges {
  const ranges: TeamChangeRateRanges = {};
  for (const [name, found] of Object.entries(fitted)) {
    if (name.startsWith(RATE_PREFIX) && found.value > 0)
      ranges[name.slice(RATE_PREFIX.length)] = multipliers(found, MAX_CHANGES_PER_WEEK);
  }
  return ranges;
}

/**
 * humanReviewHours and latencyHours with their ranges from the mean hours to sign-off
 * ({@link capacityFitter}) at the value and at each end of its range (both rise with the hours, so the ends of one
 * range map to the ends of the others). Empty when the history has no demand or the team nobody
 * who signs off.
 */
function capacityValues(
  hours: FittedValue | undefined,
  team: CapacityTeam,
  base: Parameters,
): Record<string, FittedValue> {
  const fit = hours === undefined ? null : capacityFitter(team, base);
  if (fit === null || hours === undefined) return {};
  const [value, low, high] = [hours.value, hours.low, hours.high].map(fit) as [
    CapacityFit,
    CapacityFit,
    CapacityFit,
  ];
  return {
    humanReviewHours: { value: value.reviewHours, low: low.reviewHours, high: high.reviewHours },
    latencyHours: { value: value.latencyHours, low: low.latencyHours, high: high.latencyHours },
  };
}

/**
 * Fits `history` (its last {@link FIT_WEEKS} weeks): point estimates from those weeks, ranges from a seeded
 * moving-block bootstrap over weeks, mapped to the engine by {@link engineValues}; then the
 * review hours per change and the latency from the mean hours to sign-off ({@link capacityValues}) under the
 * rest of the fit.
 */
export function fitHistory(history: TeamHistory, base: Parameters, seed = 1): Fit {
  const recent = history.weeks.slice(-FIT_WEEKS);
  const table = weekTable(history.levels, recent);
  const all = recent.map((_, i) => i);
  const point = engineValues(estimateRows(history, table, all, all), base);
  const resampled = blockResamples(recent.length, seed).map((rows) =>
    engineValues(estimateRows(history, table, rows, rows), base),
  );
  const fitted: Record<string, FittedValue> = {};
  for (const [name, value] of Object.entries(point)) {
    const draws = resampled.flatMap((r) => (r[name] === undefined ? [] : [r[name]!]));
    fitted[name] = { value, low: quantile(draws, 0.05) ?? value, high: quantile(draws, 0.95) ?? value };
  }
  const changesPerWeek = calibrationChangeRates(fitted);
  const changesPerWeekRanges = calibrationChangeRateRanges(fitted);
  const team = {
    levels: history.levels,
    headcount: history.headcount,
    changesPerWeek,
    parameters: calibrationOverrides(fitted),
  };
  Object.assign(fitted, capacityValues(fitted.meanHoursToSignoff, team, base));
  const parameters = calibrationOverrides(fitted);
  return {
    fitted,
    parameters,
    levels: history.levels,
    changesPerWeek,
    changesPerWeekRanges,
    defaults: (Object.keys(base) as (ParameterName | 'uncertainty')[]).filter(
      (name): name is ParameterName =>
        name !== 'uncertainty' && parameters[name as ParameterName] === undefined,
    ),
    weeks: recent.length,
  };
}
