import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalUpperTail } from '../../shared/engine/normal-tail';

/** Upper tails of the standard normal to 15 digits (R: pnorm(z, lower.tail = FALSE)). */
const TAILS: [number, number][] = [
  [0, 0.5],
  [0.01, 0.496010643685368],
  [0.5, 0.308537538725987],
  [1, 0.158655253931457],
  [1.2815515655446, 0.1],
  [1.959963984540054, 0.025],
  [3, 0.00134989803163009],
  [5, 2.86651571879194e-7],
  [8, 6.22096057427174e-16],
  [8.99, 1.23615216307612e-19],
  [10, 7.61985302416047e-24],
];

describe('normal upper tail', () => {
  it('matches tails to 15 digits within 5e-9, and within 2e-5 of the value out to z = 9', () => {
    for (const [z, tail] of TAILS) {
      expect(Math.abs(normalUpperTail(z) - tail)).toBeLessThanOrEqual(Math.min(5e-9, 2e-5 * tail));
      expect(Math.abs(normalUpperTail(-z) - (1 - tail))).toBeLessThanOrEqual(5e-9);
    }
  });

  it('falls as z rises and sums to 1 with its mirror, between the grid nodes too', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -12, max: 12, noNaN: true }),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        (z, dz) => {
          expect(normalUpperTail(z + dz)).toBeLessThanOrEqual(normalUpperTail(z) + 1e-15);
          expect(Math.abs(normalUpperTail(z) + normalUpperTail(-z) - 1)).toBeLessThanOrEqual(1e-15);
        },
      ),
    );
  });

  it('has the density as its slope: (Q(z - h) - Q(z + h)) / 2h = phi(z) within 1e-6', () => {
    const h = 1e-3;
    for (const z of [0.013, 0.77, 1.5, 2.31, 4.02]) {
      const phi = Math.exp((-z * z) / 2) / Math.sqrt(2 * Math.PI);
      expect(Math.abs((normalUpperTail(z - h) - normalUpperTail(z + h)) / (2 * h) - phi)).toBeLessThanOrEqual(
        1e-6,
      );
    }
  });
});
