import { formatDate } from '../format';

/** A chart's numbers as a table: column headers (with percentile and unit) and one row per line of data. */
export interface ChartTable {
  columns: string[];
  rows: (string | number)[][];
}

/** One line of a weekly chart: its header and a value per week (null: no value that week). */
export interface TableColumn {
  header: string;
  values: ArrayLike<number | null>;
}

const round = (value: number, digits: number) => Number(value.toFixed(digits));

/** Weeks down, one column per series: the table alternative of a weekly chart (values rounded to `digits` + 1). */
export function weeklyTable(
  weeks: readonly string[],
  columns: readonly TableColumn[],
  digits = 0,
): ChartTable {
  return {
    columns: ['Week (Monday)', ...columns.map((c) => c.header)],
    rows: weeks.map((week, w) => [
      week,
      ...columns.map((c) => {
        const value = c.values[w];
        return value === null || value === undefined ? '' : round(value, digits + 1);
      }),
    ]),
  };
}

/** A cell as shown in the HTML table: dates in words, numbers with separators. */
export const cellText = (value: string | number): string =>
  typeof value === 'number'
    ? value.toLocaleString('en-GB', { maximumFractionDigits: 3 })
    : /^\d{4}-\d{2}-\d{2}$/.test(value)
      ? formatDate(value)
      : value;
