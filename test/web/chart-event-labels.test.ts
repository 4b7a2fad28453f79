import { describe, expect, it } from 'vitest';
import { markerLabels } from '../../web/charts/chart-events';

/** Labels 7 px a character, markers 4 px apart at the least, as hand-placed below. */
const labels = (xs: number[], first?: number) => markerLabels(xs, (text) => 7 * text.length, 4, first);

describe('event marker labels', () => {
  it('numbers markers far enough apart one by one, at their own x', () => {
    expect(labels([100, 200, 300])).toEqual([
      { x: 100, text: '1' },
      { x: 200, text: '2' },
      { x: 300, text: '3' },
    ]);
  });

  it('gives markers too close to label apart one label naming the range, centred between them', () => {
    // "1" spans 96.5-103.5; "2" at 108 would start at 104.5, within 4 px: "1–2" at 104.
    expect(labels([100, 108, 160])).toEqual([
      { x: 104, text: '1–2' },
      { x: 160, text: '3' },
    ]);
  });

  it('merges back as far as a wider label reaches', () => {
    // "2" and "3" merge into "2–3" at 113.5 (103-124), which now reaches "1" (to 103.5): "1–3".
    expect(labels([100, 112, 115])).toEqual([{ x: 107.5, text: '1–3' }]);
    // "2–3" at 119.5 spans 109-130, clear of "1" by 5.5 px: two labels.
    expect(labels([100, 118, 121])).toEqual([
      { x: 100, text: '1' },
      { x: 119.5, text: '2–3' },
    ]);
  });

  it('numbers from the first marker shown when earlier events fall before the axis', () => {
    expect(labels([50, 300], 2)).toEqual([
      { x: 50, text: '2' },
      { x: 300, text: '3' },
    ]);
    expect(labels([])).toEqual([]);
  });
});
