/** Width of the team names column on the left of the heat map, in CSS pixels. */
export const LABEL_WIDTH = 150;
/** Height of the week axis under the rows, in CSS pixels. */
export const AXIS_HEIGHT = 22;
const ROW_MIN = 9;
const ROW_MAX = 14;
/** The rows share about this many pixels, within ROW_MIN and ROW_MAX each. */
const ROWS_SPACE = 520;

/** Where the cells of a heat map of `rows` teams by `weeks` weeks lie on a canvas `width` CSS pixels wide. */
export interface HeatGrid {
  rows: number;
  weeks: number;
  rowHeight: number;
  /** Width of one week's column (fractional). */
  cellWidth: number;
  /** Canvas height: the rows and the week axis. */
  height: number;
}

/** Whether two grids lay the cells out alike. */
export const sameGrid = (a: HeatGrid, b: HeatGrid): boolean =>
  a.rows === b.rows && a.weeks === b.weeks && a.rowHeight === b.rowHeight && a.cellWidth === b.cellWidth;

/** A team (row, top to bottom as drawn) and a week (column, left to right). */
export interface HeatCell {
  row: number;
  week: number;
}

/** The grid of a heat map: rows of 9-14 px (about 520 px in all), weeks sharing the width right of the names. */
export function heatGrid(rows: number, weeks: number, width: number): HeatGrid {
  const rowHeight = Math.max(ROW_MIN, Math.min(ROW_MAX, Math.floor(ROWS_SPACE / Math.max(1, rows))));
  return {
    rows,
    weeks,
    rowHeight,
    cellWidth: (width - LABEL_WIDTH) / Math.max(1, weeks),
    height: rows * rowHeight + AXIS_HEIGHT,
  };
}

/** The cell under the point (`x`, `y` in CSS pixels from the canvas's top left), or null off the cells. */
export function cellAt(grid: HeatGrid, x: number, y: number): HeatCell | null {
  if (x < LABEL_WIDTH || y < 0) return null;
  const row = Math.floor(y / grid.rowHeight);
  const week = Math.floor((x - LABEL_WIDTH) / grid.cellWidth);
  return row < grid.rows && week < grid.weeks ? { row, week } : null;
}

/** The cell's box in CSS pixels, as drawn (whole pixels, one pixel gap under each row). */
export function cellBox(grid: HeatGrid, cell: HeatCell) {
  const left = Math.floor(LABEL_WIDTH + cell.week * grid.cellWidth);
  return {
    left,
    top: cell.row * grid.rowHeight,
    width: Math.floor(LABEL_WIDTH + (cell.week + 1) * grid.cellWidth) - left,
    height: grid.rowHeight - 1,
  };
}

const steps: Record<string, (cell: HeatCell, grid: HeatGrid) => HeatCell> = {
  ArrowRight: (c) => ({ ...c, week: c.week + 1 }),
  ArrowLeft: (c) => ({ ...c, week: c.week - 1 }),
  ArrowDown: (c) => ({ ...c, row: c.row + 1 }),
  ArrowUp: (c) => ({ ...c, row: c.row - 1 }),
  PageDown: (c) => ({ ...c, week: c.week + 4 }),
  PageUp: (c) => ({ ...c, week: c.week - 4 }),
  Home: (c) => ({ ...c, week: 0 }),
  End: (c, g) => ({ ...c, week: g.weeks - 1 }),
};

/**
 * The cell a key moves to: arrows one week across or one team down/up, Page keys four weeks,
 * Home and End the first and last week, kept inside the grid. With no cell yet, the first key
 * starts at the first team's first week (End: its last week). Null on an empty grid; undefined
 * for other keys.
 */
export function moveCell(cell: HeatCell | null, key: string, grid: HeatGrid): HeatCell | null | undefined {
  const step = steps[key];
  if (!step) return undefined;
  if (grid.rows === 0 || grid.weeks === 0) return null;
  if (!cell) return { row: 0, week: key === 'End' ? grid.weeks - 1 : 0 };
  const next = step(cell, grid);
  return {
    row: Math.min(grid.rows - 1, Math.max(0, next.row)),
    week: Math.min(grid.weeks - 1, Math.max(0, next.week)),
  };
}
