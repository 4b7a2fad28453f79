import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { medianOneTriangular } from '../../shared/engine/distributions';

const range = fc
  .tuple(fc.double({ min: 0.05, max: 1, noNaN: true }), fc.double({ min: 1, max: 10, noNaN: true }))
  .map(([low, high]) => ({ low, high }));

describe('medianOneTriangular', () => {
  it('puts the median exactly at 1, so the documented value is the central case', () => {
    fc.assert(fc.property(range, ({ low, high }) => medianOneTriangular(0.5, low, high) === 1));
  });

  it('spans [low, high] and never decreases in u', () => {
    fc.assert(
      fc.property(
        range,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        ({ low, high }, a, b) => {
          const [u, v] = a <= b ? [a, b] : [b, a];
          const x = medianOneTriangular(u, low, high);
          const y = medianOneTriangular(v, low, high);
          return x >= low - 1e-12 && y <= high + 1e-12 && x <= y + 1e-12;
        },
      ),
    );
    expect(medianOneTriangular(0, 0.5, 2)).toBe(0.5);
  });

  it('keeps a lopsided range lopsided: a quarter of draws below the lower quartile point', () => {
    expect(medianOneTriangular(0.25, 0.67, 1.07)).toBeCloseTo(0.67 + 0.33 * Math.SQRT1_2, 12);
    expect(medianOneTriangular(0.75, 0.67, 1.07)).toBeCloseTo(1.07 - 0.07 * Math.SQRT1_2, 12);
  });
});
