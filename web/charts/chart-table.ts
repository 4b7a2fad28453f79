import { formatDate, formatFixed } from '../format';

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

/** Most decimals a table shows. */
const MAX_DECIMALS = 3;

/** Decimals of a number as written (at most {@link MAX_DECIMALS}). */
const decimalsOf = (value: number): number => {
  const text = String(value);
  const dot = text.indexOf('.');
  return dot < 0 || text.includes('e') ? 0 : Math.min(MAX_DECIMALS, text.length - dot - 1);
};

/** The decimals of each column of `rows`: the most of any number in it, so a column's figures line up. */
export const columnDecimals = (rows: readonly (readonly (string | number)[])[]): number[] => {
  const decimals: number[] = [];
  for (const row of rows)
    row.forEach((cell, i) => {
      decimals[i] = Math.max(decimals[i] ?? 0, typeof cell === 'number' ? decimalsOf(cell) : 0);
    });
  return decimals;
};

/** A cell as shown in the HTML table: dates in words, numbers with separators and `decimals` decimals. */
export const cellText = (value: string | number, decimals = 0): string =>
  typeof value === 'number'
    ? formatFixed(value, decimals)
    : /^\d{4}-\d{2}-\d{2}$/.test(value)
      ? formatDate(value)
      : value;
