import { describe, expect, it } from 'vitest';
import { cellText, columnDecimals } from '../../web/charts/chart-table';

describe('a chart data table’s numbers', () => {
  it('gives each column the most decimals any of its numbers has, up to three, and text columns none', () => {
    const rows = [
      ['2027-01-04', 79.3, 12, 0.125, 'Checkout'],
      ['2027-01-11', 82, 40, 1.2345, 'Search'],
      ['2027-01-18', 81.65, 7, 2, 'Billing'],
    ];
    expect(columnDecimals(rows)).toEqual([0, 2, 0, 3, 0]);
  });

  it('writes every number of a column with that column’s decimals, with thousands separators', () => {
    expect([82, 79.3, 81.65].map((v) => cellText(v, 2))).toEqual(['82.00', '79.30', '81.65']);
    expect(cellText(12_345.5, 1)).toBe('12,345.5');
    expect(cellText(40)).toBe('40');
    expect(cellText('2027-01-04')).toBe('4 Jan 2027');
    expect(cellText('Checkout', 2)).toBe('Checkout');
  });
});
