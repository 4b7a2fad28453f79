import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellAt, cellBox, heatGrid, moveCell } from '../../web/charts/heat-map-grid';

/** 40 teams by 52 weeks on 670 px: rows 13 px (520 / 40), weeks (670 - 150) / 52 = 10 px. */
const demo = heatGrid(40, 52, 670);

describe('heat map grid', () => {
  it.each([
    ['40 teams, 52 weeks, 670 px', 40, 52, 670, { rowHeight: 13, cellWidth: 10, height: 542 }],
    ['100 teams: rows no lower than 9 px', 100, 10, 350, { rowHeight: 9, cellWidth: 20, height: 922 }],
    ['2 teams: rows no higher than 14 px', 2, 4, 550, { rowHeight: 14, cellWidth: 100, height: 50 }],
  ])('lays out %s', (_, rows, weeks, width, expected) => {
    expect(heatGrid(rows, weeks, width)).toEqual({ rows, weeks, ...expected });
  });

  it.each([
    ['the names column', 149, 5, null],
    ['the first cell', 150, 0, { row: 0, week: 0 }],
    ['the last cell', 669.9, 519.9, { row: 39, week: 51 }],
    ['a cell in the middle', 455, 100, { row: 7, week: 30 }],
    ['the week axis under the rows', 160, 520, null],
    ['right of the last week', 671, 5, null],
    ['above the map', 200, -1, null],
  ])('finds the cell under a point in %s', (_, x, y, expected) => {
    expect(cellAt(demo, x, y)).toEqual(expected);
  });

  it('draws cells on whole pixels with no gap across a week and one pixel under a row', () => {
    const grid = heatGrid(40, 52, 800);
    expect(cellBox(grid, { row: 2, week: 0 })).toEqual({ left: 150, top: 26, width: 12, height: 12 });
    expect(cellBox(grid, { row: 2, week: 1 })).toEqual({ left: 162, top: 26, width: 13, height: 12 });
  });

  it('finds every cell again from the middle of its drawn box, whenever a week is 2 px or wider', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: 1, max: 160 }),
        fc.integer({ min: 320, max: 2400 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (rows, weeks, width, r, w) => {
          const grid = heatGrid(rows, weeks, width);
          fc.pre(grid.cellWidth >= 2);
          const cell = { row: Math.floor(r * rows), week: Math.floor(w * weeks) };
          const box = cellBox(grid, cell);
          expect(cellAt(grid, box.left + box.width / 2, box.top + box.height / 2)).toEqual(cell);
        },
      ),
    );
  });

  it.each([
    ['ArrowRight with no cell starts at the first', null, 'ArrowRight', { row: 0, week: 0 }],
    ['End with no cell starts at the last week', null, 'End', { row: 0, week: 51 }],
    ['ArrowRight', { row: 3, week: 10 }, 'ArrowRight', { row: 3, week: 11 }],
    ['ArrowLeft at the first week stays', { row: 0, week: 0 }, 'ArrowLeft', { row: 0, week: 0 }],
    ['ArrowUp at the first team stays', { row: 0, week: 0 }, 'ArrowUp', { row: 0, week: 0 }],
    ['ArrowDown', { row: 0, week: 0 }, 'ArrowDown', { row: 1, week: 0 }],
    ['ArrowDown at the last team stays', { row: 39, week: 5 }, 'ArrowDown', { row: 39, week: 5 }],
    ['PageDown stops at the last week', { row: 3, week: 50 }, 'PageDown', { row: 3, week: 51 }],
    ['PageUp', { row: 3, week: 10 }, 'PageUp', { row: 3, week: 6 }],
    ['Home', { row: 3, week: 10 }, 'Home', { row: 3, week: 0 }],
    ['End', { row: 3, week: 10 }, 'End', { row: 3, week: 51 }],
    ['another key', { row: 3, week: 10 }, 'a', undefined],
  ])('moves the cell by key: %s', (_, from, key, expected) => {
    expect(moveCell(from, key, demo)).toEqual(expected);
  });

  it('moves to no cell on a map with no teams', () => {
    expect(moveCell(null, 'ArrowRight', heatGrid(0, 52, 670))).toBeNull();
  });
});
