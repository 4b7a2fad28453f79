import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyRangesPatch, defaultParameters, parameterRange, sameRange } from '../../shared/index';

/** A value above 0 and a range around it: 0 < low <= value <= high <= 10 × value. */
const valueAndRange = fc
  .record({
    value: fc.double({ min: 0.001, max: 100, noNaN: true }),
    lowShare: fc.double({ min: 0.01, max: 1, noNaN: true }),
    highShare: fc.double({ min: 1, max: 10, noNaN: true }),
  })
  .map(({ value, lowShare, highShare }) => ({
    value,
    low: Math.min(value, value * lowShare),
    high: Math.max(value, Math.min(10 * value, value * highShare)),
  }));

describe('parameter ranges in the parameter’s unit', () => {
  it('reads back a stored range as given (to 12 significant digits), and storing what it reads changes nothing', () => {
    fc.assert(
      fc.property(valueAndRange, ({ value, low, high }) => {
        const base = { ...defaultParameters, incidentHours: value };
        const stored = applyRangesPatch(base, { incidentHours: { low, high } });
        expect(stored.issues).toEqual([]);
        const shown = parameterRange(stored.parameters, 'incidentHours')!;
        expect(Math.abs(shown.low - low)).toBeLessThanOrEqual(1e-11 * low);
        expect(Math.abs(shown.high - high)).toBeLessThanOrEqual(1e-11 * high);
        const again = applyRangesPatch(stored.parameters, { incidentHours: shown });
        expect(again.issues).toEqual([]);
        expect(again.parameters.uncertainty.incidentHours).toBe(stored.parameters.uncertainty.incidentHours);
      }),
    );
  });

  it('accepts a range exactly when 0 < low <= value <= high <= 10 × value', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.001, max: 100, noNaN: true }),
        fc.double({ min: -1, max: 200, noNaN: true }),
        fc.double({ min: -1, max: 2000, noNaN: true }),
        (value, low, high) => {
          const base = { ...defaultParameters, incidentHours: value };
          const { issues } = applyRangesPatch(base, { incidentHours: { low, high } });
          const near = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * b;
          if (near(low, value) || near(high, value) || near(high, 10 * value)) return;
          const holds = low > 0 && low <= value && value <= high && high <= 10 * value;
          expect(issues.length === 0).toBe(holds);
        },
      ),
    );
  });

  it('compares multiplier ranges up to rounding', () => {
    expect(sameRange([0.7, 1.4], [0.7 + 1e-12, 1.4])).toBe(true);
    expect(sameRange([0.7, 1.4], [0.71, 1.4])).toBe(false);
    expect(sameRange(undefined, undefined)).toBe(true);
    expect(sameRange([1, 1], undefined)).toBe(false);
  });
});
