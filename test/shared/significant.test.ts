import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toSignificant } from '../../shared/engine/significant';

const digitsOf = (x: number): number => {
  const [mantissa = ''] = Math.abs(x).toExponential().split('e');
  return mantissa.replace('.', '').length;
};

const band = fc.double({ min: 1e-12, max: 1e15, noNaN: true });

describe('toSignificant', () => {
  it('keeps at most six significant digits, within half a unit of the sixth', () => {
    fc.assert(
      fc.property(band, (x) => {
        const rounded = toSignificant(x);
        expect(digitsOf(rounded)).toBeLessThanOrEqual(6);
        expect(Math.abs(rounded - x)).toBeLessThanOrEqual(5e-6 * x * (1 + 1e-12));
      }),
    );
  });

  it('never reorders values, so P10 <= P50 <= P90 survive rounding', () => {
    fc.assert(
      fc.property(band, band, (a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(toSignificant(low)).toBeLessThanOrEqual(toSignificant(high));
      }),
    );
  });

  it('is idempotent and leaves short numbers as they are', () => {
    fc.assert(
      fc.property(band, (x) => {
        expect(toSignificant(toSignificant(x))).toBe(toSignificant(x));
      }),
    );
    for (const x of [0, 1, 4, 12.5, 0.25, 100, 999_999, 52_000, 0.000123]) expect(toSignificant(x)).toBe(x);
  });

  it('rounds the digits past the sixth and prints short', () => {
    expect(toSignificant(12.345678329467773)).toBe(12.3457);
    expect(String(toSignificant(0.10000000149011612))).toBe('0.1');
    expect(toSignificant(1_234_567.8)).toBe(1_234_570);
    expect(toSignificant(9_999_996)).toBe(10_000_000);
  });

  it('maps magnitudes below 1e-16 to 0 and passes non-finite values through', () => {
    expect(toSignificant(3e-17)).toBe(0);
    expect(toSignificant(1e-16)).toBe(1e-16);
    expect(toSignificant(Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
    expect(toSignificant(-2.5)).toBe(-2.5);
    // Zeros come back as they are, the sign of -0 included.
    expect(Object.is(toSignificant(-0), -0)).toBe(true);
    expect(Object.is(toSignificant(0), 0)).toBe(true);
  });
});
