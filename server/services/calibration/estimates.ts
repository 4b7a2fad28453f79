import type { CalibrationWeek, TeamHistory } from './team-history';

/** What the fit estimates from a run of weeks (before any mapping to the engine). */
export interface Estimates {
  /** Changes authored per engineer-week, per level with people on the roster. */
  changesPerEngineerWeek: Record<string, number>;
  /** Share (0-1) of the non-sign-off levels' changes that need sign-off. */
  signoffShare: number | null;
  /** AI-assisted share of changes authored at the last week of a weighted linear trend (0-1). */
  aiShareLevel: number;
  /** The trend's slope: change in the AI-assisted share per week. */
  aiShareSlope: number;
  /** Mean sign-offs per sign-off reviewer-week in busy weeks (capacity proxy). */
  signoffsPerReviewerWeek: number | null;
  /** Median over weeks of the weekly median calendar hours to sign-off. */
  medianHoursToSignoff: number | null;
  /** 90th percentile (nearest rank) over weeks of the weekly median hours to sign-off. */
  p90HoursToSignoff: number | null;
}

/** Weeks at the end of the history the AI trend is fitted over. */
export const TREND_WEEKS = 26;
/** Busy weeks: sign-offs completed at or above this nearest-rank quantile of all weeks. */
export const BUSY_QUANTILE = 0.75;

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/** Nearest-rank quantile of unsorted values (null when none). */
export const quantile = (values: readonly number[], p: number): number | null => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
};

const totalAuthored = (week: CalibrationWeek) => sum(Object.values(week.authored));

/**
 * Weighted least squares of the weekly AI share on the week's position (weights: changes
 * authored), over the last {@link TREND_WEEKS} positions; level = the line at the last position.
 * `positions` give each week's place in time (a bootstrap keeps the original positions).
 */
export const aiTrend = (weeks: readonly CalibrationWeek[], positions: readonly number[]) => {
  const last = Math.max(...positions);
  let sw = 0;
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let sxy = 0;
  weeks.forEach((week, i) => {
    const x = positions[i]!;
    const w = totalAuthored(week);
    if (x <= last - TREND_WEEKS || w === 0) return;
    const y = week.aiAssisted / w;
    sw += w;
    sx += w * x;
    sy += w * y;
    sxx += w * x * x;
    sxy += w * x * y;
  });
  if (sw === 0) return { level: 0, slope: 0 };
  const variance = sxx - (sx * sx) / sw;
  const slope = variance > 0 ? (sxy - (sx * sy) / sw) / variance : 0;
  const level = sy / sw + slope * (last - sx / sw);
  return { level: Math.min(1, Math.max(0, level)), slope };
};

/** The estimates of {@link Estimates} from `weeks` of `history` (positions: their places in time). */
export function estimate(
  history: Pick<TeamHistory, 'levels' | 'headcount'>,
  weeks: readonly CalibrationWeek[],
  positions: readonly number[] = weeks.map((_, i) => i),
): Estimates {
  const n = weeks.length;
  const changesPerEngineerWeek: Record<string, number> = {};
  for (const level of history.levels) {
    const people = history.headcount[level.id] ?? 0;
    if (people > 0 && n > 0)
      changesPerEngineerWeek[level.id] = sum(weeks.map((w) => w.authored[level.id] ?? 0)) / n / people;
  }
  const nonSigning = history.levels.filter((l) => !l.canSignOff).map((l) => l.id);
  const authoredBelow = sum(weeks.flatMap((w) => nonSigning.map((id) => w.authored[id] ?? 0)));
  const reviewers = sum(history.levels.filter((l) => l.canSignOff).map((l) => history.headcount[l.id] ?? 0));
  const completed = weeks.map((w) => w.signoffsCompleted);
  const busyFloor = quantile(completed, BUSY_QUANTILE);
  const busy = busyFloor === null ? [] : completed.filter((c) => c >= busyFloor);
  const hours = weeks.flatMap((w) => (w.medianHoursToSignoff === null ? [] : [w.medianHoursToSignoff]));
  const trend = aiTrend(weeks, positions);
  return {
    changesPerEngineerWeek,
    signoffShare: authoredBelow > 0 ? sum(weeks.map((w) => w.signoffDemand)) / authoredBelow : null,
    aiShareLevel: trend.level,
    aiShareSlope: trend.slope,
    signoffsPerReviewerWeek: reviewers > 0 && busy.length > 0 ? sum(busy) / busy.length / reviewers : null,
    medianHoursToSignoff: quantile(hours, 0.5),
    p90HoursToSignoff: quantile(hours, 0.9),
  };
}
