import { expect, it } from 'vitest';
import { valueTickLabels } from '../../web/charts/value-ticks';

it.each([
  [
    'a nearly flat series gets the decimals its step needs, all alike',
    [11.88, 11.9, 11.92],
    1,
    ['11.88', '11.90', '11.92'],
  ],
  ['whole steps keep the chart’s decimals', [0, 50, 100, 150], 0, ['0', '50', '100', '150']],
  [
    'a half step on a whole-number axis shows one decimal on every label',
    [0, 0.5, 1, 1.5],
    0,
    ['0.0', '0.5', '1.0', '1.5'],
  ],
  ['steps of 2.5 show one decimal', [0, 2.5, 5, 7.5], 0, ['0.0', '2.5', '5.0', '7.5']],
  ['thousands keep their separators', [1000, 2000, 3000], 0, ['1,000', '2,000', '3,000']],
  ['an axis with one split shows the chart’s decimals', [12.345], 1, ['12.3']],
  ['a step of 0.001 on a one-decimal axis shows three', [0.999, 1, 1.001], 1, ['0.999', '1.000', '1.001']],
] as const)('value axis labels: %s', (_, splits, digits, expected) => {
  expect(valueTickLabels(splits, digits)).toEqual(expected);
});

it('never repeats a label for distinct splits uPlot gives a flat series (steps down to 1e-6)', () => {
  for (const step of [1e-6, 2e-5, 5e-4, 0.01, 0.25, 2, 25]) {
    const splits = [0, 1, 2, 3, 4].map((i) => 11.9 + i * step);
    const labels = valueTickLabels(splits, 1);
    expect(new Set(labels).size).toBe(splits.length);
  }
});
