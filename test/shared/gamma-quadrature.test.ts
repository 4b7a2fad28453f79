import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gammaQuadrature } from '../../shared/engine/gamma-quadrature';

/** E[G^n] of a gamma of mean 1 and variance k: prod_{j < n} (1 + j k). */
const moment = (k: number, n: number) =>
  Array.from({ length: n }, (_, j) => 1 + j * k).reduce((p, x) => p * x, 1);

describe('three-point quadrature of a gamma rate multiplier', () => {
  it('has the Gauss-Laguerre nodes and weights of the exponential at k = 1 (Abramowitz and Stegun table 25.9)', () => {
    const { nodes, weights } = gammaQuadrature(1);
    const expected = [
      [0.415774556783, 0.711093009929],
      [2.294280360279, 0.278517733569],
      [6.289945082937, 0.0103892565016],
    ];
    expected.forEach(([x, w], i) => {
      expect(nodes[i]).toBeCloseTo(x!, 10);
      expect(weights[i]).toBeCloseTo(w!, 10);
    });
  });

  it('integrates G^0 .. G^5 exactly for dispersions 1e-6 to 2, with positive nodes and weights', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 2, noNaN: true }), (k) => {
        const { nodes, weights } = gammaQuadrature(k);
        for (let n = 0; n <= 5; n++) {
          const sum = nodes.reduce((s, g, i) => s + weights[i]! * g ** n, 0);
          expect(Math.abs(sum / moment(k, n) - 1)).toBeLessThan(1e-6);
        }
        for (let i = 0; i < 3; i++) {
          expect(nodes[i]).toBeGreaterThan(0);
          expect(weights[i]).toBeGreaterThan(0);
        }
      }),
    );
  });

  it('weights sum to 1 within rounding for dispersions down to 1e-12, where the nodes crowd', () => {
    // Unscaled, the Lagrange weights of k = 1e-12 miss a sum of 1 by about 4e-5.
    for (const k of [1e-12, 1e-10, 1e-8, 1e-6]) {
      const { weights } = gammaQuadrature(k);
      expect(Math.abs(weights[0]! + weights[1]! + weights[2]! - 1)).toBeLessThan(1e-15);
    }
  });

  it('returns the same quadrature object to a repeated call with the same k, a new one for another k', () => {
    const first = gammaQuadrature(0.3);
    expect(gammaQuadrature(0.3)).toBe(first);
    expect(gammaQuadrature(0.4)).not.toBe(first);
  });
});
