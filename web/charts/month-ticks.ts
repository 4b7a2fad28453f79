/** Average weeks in a month (365.25 / 12 / 7). */
const WEEKS_PER_MONTH = 4.35;

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

/**
 * The labels of a month axis over `weeks` (ISO Mondays): the first week of each month, every
 * `months`-th month counted back from the last, so that the axis always names the last month the
 * weeks reach (as the charts' time axis does). Each is centred on its column but kept inside the
 * axis; `months` is the fewest that keeps the months' columns `minSpacing` apart and no two labels
 * touching. With no month start among the weeks (a horizon of a few weeks), the first week.
 */
export function monthTicks(weeks: readonly string[], layout: WeekAxisLayout): MonthTick[] {
  const starts: number[] = [];
  weeks.forEach((week, i) => {
    if (Number(week.slice(8, 10)) <= 7) starts.push(i);
  });
  if (starts.length === 0 && weeks.length > 0) starts.push(0);
  const { left, cellWidth, right, minSpacing, halfLabel } = layout;
  const centre = (week: number) =>
    Math.min(right - halfLabel, Math.max(left + halfLabel, left + (week + 0.5) * cellWidth));
  const every = (months: number): MonthTick[] => {
    const ticks: MonthTick[] = [];
    for (let i = starts.length - 1; i >= 0; i -= months)
      ticks.unshift({ week: starts[i]!, at: centre(starts[i]!) });
    return ticks;
  };
  const apart = (ticks: MonthTick[]) =>
    ticks.every((tick, i) => i === 0 || tick.at - ticks[i - 1]!.at >= 2 * halfLabel + 4);
  let months = Math.max(1, Math.ceil(minSpacing / (cellWidth * WEEKS_PER_MONTH)));
  // One label is always apart: the loop ends by the time `months` reaches the number of month starts.
  while (!apart(every(months))) months += 1;
  return every(months);
}
