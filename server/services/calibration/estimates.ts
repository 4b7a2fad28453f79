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
  /** Mean calendar hours from authored to sign-off of the weeks' signed sign-off demand (null: none signed). */
  meanHoursToSignoff: number | null;
  /**
   * Open changes at the weeks' ends over the open changes Little's law gives on average (demand
   * x mean hours to sign-off / 168): below 1 when changes are authored early in the week and
   * signed before it ends, above 1 when they pile up towards the week's end (null: no demand
   * or no hours).
   */
  weekEndOpenShare: number | null;
  /**
   * Burstiness of the weekly sign-off demand: its variance over the weeks beyond a Poisson
   * count's, per squared mean (the dispersion 1/k of a negative binomial, variance = mean +
   * dispersion x mean^2; 0 when the weeks vary no more than Poisson counts; null with under 2 weeks
   * or no demand).
   */
  demandDispersion: number | null;
  /**
   * Share (0-1) of the roster's sign-off-level people who signed off any of the weeks' sign-off
   * demand (null: nobody on the roster can sign off, or nothing signed).
   */
  activeReviewerShare: number | null;
}

/** Weeks at the end of the history the AI trend is fitted over. */
export const TREND_WEEKS = 26;
/** Busy weeks: sign-offs completed at or above this nearest-rank quantile of all weeks. */
export const BUSY_QUANTILE = 0.75;

/** Calendar hours in a week. */
export const HOURS_PER_WEEK = 168;

const sum = (values: Iterable<number>) => {
  let total = 0;
  for (const v of values) total += v;
  return total;
};

/** Nearest-rank quantile of values sorted ascending (null when none). */
const sortedQuantile = (sorted: ArrayLike<number>, p: number): number | null =>
  sorted.length === 0 ? null : sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;

/** Nearest-rank quantile of unsorted values (null when none). */
export const quantile = (values: ArrayLike<number>, p: number): number | null =>
  sortedQuantile(Float64Array.from(values).sort(), p);

/** Per-week figures the estimates read, laid out once so a bootstrap resample only indexes them. */
export interface WeekTable {
  /** Changes authored per level of the ladder, `[level][week]`. */
  authored: Float64Array[];
  total: Float64Array;
  /** Authored by levels that cannot sign off. */
  below: Float64Array;
  ai: Float64Array;
  demand: Float64Array;
  completed: Float64Array;
  open: Float64Array;
  signed: Float64Array;
  signedHours: Float64Array;
  /** Weekly median hours to sign-off, NaN when none. */
  hours: Float64Array;
  /** Who signed the week's sign-off demand, as indices into the table's distinct signers. */
  signers: readonly Int32Array[];
  /** Distinct signers over all weeks. */
  signerCount: number;
}

/** The {@link WeekTable} of `weeks` for the ladder `levels`. */
export const weekTable = (levels: TeamHistory['levels'], weeks: readonly CalibrationWeek[]): WeekTable => {
  const authored = levels.map((level) => Float64Array.from(weeks, (w) => w.authored[level.id] ?? 0));
  const below = new Float64Array(weeks.length);
  levels.forEach((level, l) => {
    if (!level.canSignOff) for (let i = 0; i < weeks.length; i++) below[i]! += authored[l]![i]!;
  });
  return {
    authored,
    total: Float64Array.from(weeks, (w) => sum(Object.values(w.authored))),
    below,
    ai: Float64Array.from(weeks, (w) => w.aiAssisted),
    demand: Float64Array.from(weeks, (w) => w.signoffDemand),
    completed: Float64Array.from(weeks, (w) => w.signoffsCompleted),
    open: Float64Array.from(weeks, (w) => w.open),
    signed: Float64Array.from(weeks, (w) => w.signed),
    signedHours: Float64Array.from(weeks, (w) => w.signedHours),
    hours: Float64Array.from(weeks, (w) => w.medianHoursToSignoff ?? Number.NaN),
    ...signerIndices(weeks),
  };
};

/** Each week's signers as indices into the distinct signers of `weeks`, and how many there are. */
const signerIndices = (weeks: readonly CalibrationWeek[]) => {
  const index = new Map<string, number>();
  const signers = weeks.map((w) =>
    Int32Array.from(w.signers, (name) => {
      const known = index.get(name);
      if (known !== undefined) return known;
      const next = index.size;
      index.set(name, next);
      return next;
    }),
  );
  return { signers, signerCount: index.size };
};

/**
 * Weighted least squares of the weekly AI share on the week's position (weights: changes
 * authored), over the last {@link TREND_WEEKS} positions; level = the line at the last position.
 * `rows` index the table; `positions` give each row's place in time (a bootstrap keeps the
 * original positions).
 */
export const aiTrend = (table: WeekTable, rows: readonly number[], positions: readonly number[]) => {
  let last = Number.NEGATIVE_INFINITY;
  for (const x of positions) last = Math.max(last, x);
  let sw = 0;
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let sxy = 0;
  rows.forEach((row, i) => {
    const x = positions[i]!;
    const w = table.total[row]!;
    if (x <= last - TREND_WEEKS || w === 0) return;
    const y = table.ai[row]! / w;
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
export const estimate = (
  history: Pick<TeamHistory, 'levels' | 'headcount'>,
  weeks: readonly CalibrationWeek[],
  positions: readonly number[] = weeks.map((_, i) => i),
): Estimates =>
  estimateRows(
    history,
    weekTable(history.levels, weeks),
    weeks.map((_, i) => i),
    positions,
  );

/** Method-of-moments negative binomial dispersion of counts: (variance - mean) / mean^2, at least 0. */
export const countDispersion = (counts: readonly number[]): number | null => {
  const n = counts.length;
  const mean = sum(counts) / n;
  if (n < 2 || !(mean > 0)) return null;
  const variance = counts.reduce((s, c) => s + (c - mean) ** 2, 0) / (n - 1);
  return Math.max(0, (variance - mean) / (mean * mean));
};

/** {@link estimate} over the rows `rows` of a {@link WeekTable}. */
export function estimateRows(
  history: Pick<TeamHistory, 'levels' | 'headcount'>,
  table: WeekTable,
  rows: readonly number[],
  positions: readonly number[],
): Estimates {
  const n = rows.length;
  const total = (column: Float64Array) => {
    let s = 0;
    for (const row of rows) s += column[row]!;
    return s;
  };
  const changesPerEngineerWeek: Record<string, number> = {};
  history.levels.forEach((level, l) => {
    const people = history.headcount[level.id] ?? 0;
    if (people > 0 && n > 0) changesPerEngineerWeek[level.id] = total(table.authored[l]!) / n / people;
  });
  const authoredBelow = total(table.below);
  const reviewers = sum(history.levels.filter((l) => l.canSignOff).map((l) => history.headcount[l.id] ?? 0));
  const completed = Float64Array.from(rows, (row) => table.completed[row]!).sort();
  const busyFloor = sortedQuantile(completed, BUSY_QUANTILE);
  const busy = completed.filter((c) => busyFloor !== null && c >= busyFloor);
  const hours = Float64Array.from(rows, (row) => table.hours[row]!)
    .filter((h) => !Number.isNaN(h))
    .sort();
  const trend = aiTrend(table, rows, positions);
  const demand = total(table.demand);
  const signed = total(table.signed);
  const meanHours = signed > 0 ? total(table.signedHours) / signed : null;
  const littleOpen = meanHours === null ? 0 : (demand * meanHours) / HOURS_PER_WEEK;
  const signedBy = new Uint8Array(table.signerCount);
  let signers = 0;
  for (const row of rows) {
    for (const i of table.signers[row]!) {
      if (signedBy[i] === 0) signers++;
      signedBy[i] = 1;
    }
  }
  return {
    changesPerEngineerWeek,
    signoffShare: authoredBelow > 0 ? demand / authoredBelow : null,
    aiShareLevel: trend.level,
    aiShareSlope: trend.slope,
    signoffsPerReviewerWeek: reviewers > 0 && busy.length > 0 ? sum(busy) / busy.length / reviewers : null,
    medianHoursToSignoff: sortedQuantile(hours, 0.5),
    p90HoursToSignoff: sortedQuantile(hours, 0.9),
    meanHoursToSignoff: meanHours,
    weekEndOpenShare: littleOpen > 0 ? total(table.open) / littleOpen : null,
    demandDispersion: countDispersion(rows.map((row) => table.demand[row]!)),
    activeReviewerShare: reviewers > 0 && signers > 0 ? Math.min(1, signers / reviewers) : null,
  };
}
