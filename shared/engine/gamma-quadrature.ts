/**
 * Three-point Gauss quadrature for a gamma multiplier G of mean 1 and variance k: nodes g_i and
 * weights w_i with sum w_i f(g_i) = E[f(G)] exactly for polynomials f of degree up to 5. The
 * nodes are k times the roots of the generalized Laguerre polynomial L_3^(alpha), alpha = 1/k - 1,
 * the orthogonal polynomial of degree 3 of the gamma density (Abramowitz and Stegun 22.3.9):
 *   x^3 - 3 (alpha + 3) x^2 + 3 (alpha + 2)(alpha + 3) x - (alpha + 1)(alpha + 2)(alpha + 3) = 0,
 * three real positive roots, taken by the trigonometric solution of the cubic. The weights match
 * G's first three moments 1, 1 and 1 + k.
 */
export interface GammaQuadrature {
  nodes: Float64Array;
  weights: Float64Array;
}

/** The last quadrature made, and its k: the mean path asks for one team's k week after week. */
let last: { k: number; quadrature: GammaQuadrature } | null = null;

/** {@link quadratureOf} k, kept for the next call with the same k. */
export const gammaQuadrature = (k: number): GammaQuadrature => {
  if (last?.k !== k) last = { k, quadrature: quadratureOf(k) };
  return last.quadrature;
};

const quadratureOf = (k: number): GammaQuadrature => {
  // With b = alpha + 3 = 1/k + 2 and x = b + t the cubic is t^3 - 3b t - 2b = 0, whose roots are
  // 2 sqrt(b) cos(theta - 2 pi i / 3), theta = acos(1 / sqrt(b)) / 3; g = k x, written so that a
  // small k loses no digits: g = 1 + 2k + 2 sqrt(k (1 + 2k)) cos(...).
  const spread = 2 * Math.sqrt(k * (1 + 2 * k));
  const theta = Math.acos(Math.sqrt(k / (1 + 2 * k))) / 3;
  const nodes = Float64Array.from(
    [0, 1, 2],
    (i) => 1 + 2 * k + spread * Math.cos(theta - (2 * Math.PI * i) / 3),
  );
  nodes.sort();
  const [g0, g1, g2] = [nodes[0]!, nodes[1]!, nodes[2]!];
  const second = 1 + k;
  // Lagrange weights: w_i = E[prod_{j != i} (G - g_j)] / prod_{j != i} (g_i - g_j).
  const weight = (gi: number, ga: number, gb: number) =>
    (second - (ga + gb) + ga * gb) / ((gi - ga) * (gi - gb));
  const weights = Float64Array.of(weight(g0, g1, g2), weight(g1, g0, g2), weight(g2, g0, g1));
  // Rescaled to sum to 1 exactly: for k near 0 the nodes crowd and each weight loses digits.
  const total = weights[0]! + weights[1]! + weights[2]!;
  for (let i = 0; i < 3; i++) weights[i]! /= total;
  return { nodes, weights };
};
