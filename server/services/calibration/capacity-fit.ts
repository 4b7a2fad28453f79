import {
  forecastInputSchema,
  type Level,
  metricKeys,
  type ParameterOverrides,
  type Parameters,
  type TeamChangeRates,
  teamSeriesProbe,
} from '../../../shared/index';
import { hoursOpen } from './history-metrics';

/** Lowest review hours per change the fit gives (the schema's values are above 0). */
export const MIN_REVIEW_HOURS = 0.01;
/** Highest review hours per change the fit gives (the schema's bound). */
export const MAX_REVIEW_HOURS = 1000;
/**
 * Highest load (sign-off demand hours over regular review hours) a fitted team is taken at: the
 * load the engine starts an overloaded team's queue at (queue-week.ts START_LOAD_CAP), the
 * highest at which its first week is a steady state.
 */
export const MAX_FITTED_LOAD = 0.95;
/**
 * The root search on the logarithm of the review hours stops once the engine's hours open are
 * within this share of the target (1e-6 relative: far inside the fitted range's width) or the
 * bracket is under 1e-9 wide; at most {@link MAX_STEPS} engine weeks.
 */
const TOLERANCE = 1e-6;
const MAX_STEPS = 60;

/** A team as the capacity fit sees it: the ladder, its fitted change rates, today's headcount and its override so far. */
export interface CapacityTeam {
  levels: readonly Level[];
  changesPerWeek?: TeamChangeRates | undefined;
  headcount: Readonly<Record<string, number>>;
  parameters: ParameterOverrides;
}

/** Review hours per human change, and the hours open the reviewers' queue does not explain. */
export interface CapacityFit {
  reviewHours: number;
  latencyHours: number;
}

const UTILIZATION = metricKeys.indexOf('utilization');

/**
 * The engine's steady week for `team` as a function of its review hours per human change: the
 * calendar hours a change is open (wait plus time in review, {@link hoursOpen}) and the load. A
 * forecast starts at the stationary queue of its first week's load, so one week gives it.
 */
export function steadyWeek(team: CapacityTeam, base: Parameters) {
  const input = forecastInputSchema.parse({
    org: {
      levels: team.levels,
      teams: [
        {
          id: 'team',
          name: 'team',
          headcount: team.headcount,
          changesPerWeek: team.changesPerWeek,
          parameters: team.parameters,
        },
      ],
    },
    parameters: base,
    scenario: { name: 'capacity fit', events: [] },
    options: { startWeek: '2026-01-05', horizonWeeks: 1, runs: 0, seed: 1 },
  });
  const probe = teamSeriesProbe(input, 0);
  const work = input.org.teams[0]!.parameters?.workHoursPerWeek ?? input.parameters.workHoursPerWeek;
  return (reviewHours: number) => {
    const series = probe({ humanReviewHours: reviewHours });
    const at = (metric: number) => series[metric]!;
    return { hoursOpen: hoursOpen(at, 0, work), load: at(UTILIZATION) };
  };
}

/**
 * Fits the team's capacity to the calendar hours a change is observed open: the review hours
 * per human change at which the engine keeps a change open `targetHours` at the team's steady
 * load (so it reproduces the time to sign-off and, by Little's law, the open changes), rather
 * than the throughput, which in a team that is not saturated measures demand. Hours open rise
 * with review hours (longer reviews and, as the load grows, longer waits), so a bisection on the
 * logarithm finds them, within loads up to {@link MAX_FITTED_LOAD} (a history whose open
 * changes do not grow comes from a stable queue). Hours open beyond what that queue explains
 * (time outside the reviewers' queue: rework, waiting on the author) are the latency. Returns
 * `fit(targetHours)`, or null when the team has nobody who signs off.
 */
export function capacityFitter(
  team: CapacityTeam,
  base: Parameters,
): ((targetHours: number) => CapacityFit) | null {
  const reviewers = team.levels.some((level) => level.canSignOff && (team.headcount[level.id] ?? 0) > 0);
  if (!reviewers) return null;
  const week = steadyWeek(team, base);
  const lowest = week(MIN_REVIEW_HOURS);
  const loadPerHour = lowest.load / MIN_REVIEW_HOURS;
  const highest = Math.max(
    MIN_REVIEW_HOURS,
    Math.min(MAX_REVIEW_HOURS, loadPerHour > 0 ? MAX_FITTED_LOAD / loadPerHour : MAX_REVIEW_HOURS),
  );
  const lowestOpen = lowest.hoursOpen;
  const highestOpen = week(highest).hoursOpen;
  return (targetHours) => {
    if (targetHours <= lowestOpen) return { reviewHours: MIN_REVIEW_HOURS, latencyHours: 0 };
    if (targetHours >= highestOpen) return { reviewHours: highest, latencyHours: targetHours - highestOpen };
    const gap = (x: number) => week(Math.exp(x)).hoursOpen - targetHours;
    return {
      reviewHours: Math.exp(
        illinois(
          gap,
          Math.log(MIN_REVIEW_HOURS),
          Math.log(highest),
          lowestOpen - targetHours,
          highestOpen - targetHours,
          TOLERANCE * targetHours,
        ),
      ),
      latencyHours: 0,
    };
  };
}

/**
 * A root of the increasing `f` between `low` (f = `fLow` below 0) and `high` (f = `fHigh` above
 * 0) by the Illinois method (regula falsi halving the weight of an end kept twice: Dowell and
 * Jarratt, BIT 11, 1971), converging superlinearly where bisection halves the bracket a step.
 */
function illinois(
  f: (x: number) => number,
  low: number,
  high: number,
  fLow: number,
  fHigh: number,
  tolerance: number,
): number {
  let side = 0;
  let x = (low + high) / 2;
  for (let i = 0; i < MAX_STEPS && high - low > 1e-9; i++) {
    x = (low * fHigh - high * fLow) / (fHigh - fLow);
    const fx = f(x);
    if (Math.abs(fx) <= tolerance) return x;
    if (fx < 0) {
      low = x;
      fLow = fx;
      if (side === -1) fHigh /= 2;
      side = -1;
    } else {
      high = x;
      fHigh = fx;
      if (side === 1) fLow /= 2;
      side = 1;
    }
  }
  return x;
}
