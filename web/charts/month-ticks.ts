import { LABEL_WIDTH } from './heat-map-grid';

/** Average weeks in a month (365.25 / 12 / 7). */
const WEEKS_PER_MONTH = 4.35;
/** Least distance between week axis labels, in CSS pixels, so that they never overlap. */
export const TICK_SPACING = 64;
/** Half the width of a month label ("Nov 2027" is 53 px at 11 px in Chromium), to keep it inside an axis. */
export const HALF_LABEL = 28;

/** Where a week axis lies: its first column's left edge, the column width and the axis end, in CSS pixels. */
export interface WeekAxisLayout {
  left: number;
  cellWidth: number;
  right: number;
  /** Least distance between the columns of two labels' months. */
  minSpacing: number;
  /** Half a label's width: a label's centre stays this far inside the axis, and two labels' centres twice this and 4 px apart. */
  halfLabel: number;
}

/** A label of a week axis: the week (column) it names and the centre it is drawn at (px). */
export interface MonthTick {
  week: number;
  at: number;
}

/** The weeks (indices) that start a month: their Monday is day 1-7; with none, the first week. */
function monthStarts(weeks: readonly string[]): number[] {
  const starts: number[] = [];
  weeks.forEach((week, i) => {
    if (Number(week.slice(8, 10)) <= 7) starts.push(i);
  });
  if (starts.length === 0 && weeks.length > 0) starts.push(0);
  return starts;
}

/**
 * The month starts labelled when every `months`-th is, counted back from the last, so that an
 * axis always names the last month the weeks reach (week indices, in order).
 */
export function labelledMonths(weeks: readonly string[], months: number): number[] {
  const starts = monthStarts(weeks);
  const labelled: number[] = [];
  for (let i = starts.length - 1; i >= 0; i -= months) labelled.unshift(starts[i]!);
  return labelled;
}

/** A label's centre on `layout`: on its column, kept `halfLabel` inside the axis. */
const centreOn = ({ left, cellWidth, right, halfLabel }: WeekAxisLayout, week: number) =>
  Math.min(right - halfLabel, Math.max(left + halfLabel, left + (week + 0.5) * cellWidth));

/**
 * The fewest months between labels on `layout` that keeps the labelled months' columns
 * `minSpacing` apart and no two labels (centred on their columns, kept inside the axis) touching.
 */
export function monthStep(weeks: readonly string[], layout: WeekAxisLayout): number {
  const { cellWidth, minSpacing, halfLabel } = layout;
  const apart = (labelled: number[]) =>
    labelled.every(
      (week, i) =>
        i === 0 || centreOn(layout, week) - centreOn(layout, labelled[i - 1]!) >= 2 * halfLabel + 4,
    );
  let months = Math.max(1, Math.ceil(minSpacing / (cellWidth * WEEKS_PER_MONTH)));
  // One label is always apart: the loop ends by the time `months` reaches the number of month starts.
  while (!apart(labelledMonths(weeks, months))) months += 1;
  return months;
}

/**
 * The labels of a month axis over `weeks` (ISO Mondays): the first week of every `months`-th
 * month (by default the {@link monthStep} of the layout) counted back from the last, each centred
 * on its column but kept inside the axis. With no month start among the weeks (a horizon of a
 * few weeks), the first week.
 */
export function monthTicks(
  weeks: readonly string[],
  layout: WeekAxisLayout,
  months = monthStep(weeks, layout),
): MonthTick[] {
  return labelledMonths(weeks, months).map((week) => ({ week, at: centreOn(layout, week) }));
}

/**
 * The months between labels on every week axis of a figure `width` CSS pixels wide: the heat
 * map's step (its columns are the narrowest, right of the 150 px of team names), so that the
 * charts above it name the same months at the same width.
 */
export function figureMonthStep(weeks: readonly string[], width: number): number {
  return monthStep(weeks, {
    left: LABEL_WIDTH,
    cellWidth: (width - LABEL_WIDTH) / Math.max(1, weeks.length),
    right: width,
    minSpacing: TICK_SPACING,
    halfLabel: HALF_LABEL,
  });
}

/** Whether two lists of week dates are the same dates: each forecast brings a new array of the same weeks. */
export const sameWeeks = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((week, i) => week === b[i]);
