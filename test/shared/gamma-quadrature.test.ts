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
});
