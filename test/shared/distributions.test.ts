import { describe, expect, it } from 'vitest';
import { binomial, gamma, normalQuantile, poisson } from '../../shared/engine/distributions';
import { Rng } from '../../shared/engine/rng';

/**
 * The samplers against expectations computed apart from the engine: normal quantiles from
 * Wichura's AS241 (Python's statistics.NormalDist().inv_cdf, to about 1e-16), Poisson and binomial
 * probabilities summed term by term here, and draws at given uniforms worked by hand.
 */

/** A random source that hands out the given uniforms in turn (the last one again when they run out). */
class Uniforms extends Rng {
  private at = 0;
  constructor(private readonly values: number[]) {
    super(0);
  }
  override next(): number {
    const u = this.values[Math.min(this.at, this.values.length - 1)]!;
    this.at += 1;
    return u;
  }
}

const at = (...values: number[]) => new Uniforms(values);

describe('normalQuantile', () => {
  // u -> AS241's quantile: both tails (u below 0.02425 or above 0.97575) and the central part.
  const table: [number, number][] = [
    [0.5, 0],
    [0.75, 0.6744897501960817],
    [0.9, 1.2815515655446008],
    [0.1, -1.2815515655446008],
    [0.03, -1.8807936081512509],
    [0.97, 1.8807936081512504],
    [0.025, -1.9599639845400538],
    [0.975, 1.9599639845400536],
    [0.0242, -1.9738394633131993],
    [0.976, 1.9773684281819461],
    [0.02, -2.0537489106318225],
    [0.98, 2.053748910631822],
    [0.01, -2.3263478740408408],
    [0.99, 2.3263478740408408],
    [0.001, -3.090232306167813],
    [0.999, 3.090232306167813],
    [1e-10, -6.361340902404056],
  ];

  it.each(table)('at %s is %s within Acklam’s relative error 1.2e-9', (u, z) => {
    expect(Math.abs(normalQuantile(u) - z)).toBeLessThanOrEqual(1.2e-9 * Math.max(1, Math.abs(z)));
  });
});

/** P(X <= k) summed term by term. */
const poissonCdf = (mean: number, k: number) => {
  let term = Math.exp(-mean);
  let sum = term;
  for (let i = 1; i <= k; i++) {
    term *= mean / i;
    sum += term;
  }
  return sum;
};
const binomialPmf = (n: number, p: number, k: number) => {
  let choose = 1;
  for (let i = 0; i < k; i++) choose = (choose * (n - i)) / (i + 1);
  return choose * p ** k * (1 - p) ** (n - k);
};

/** How many of `count` evenly spread uniforms (i + 1/2) / count a draw maps to each value. */
const histogram = (draw: (rng: Rng) => number, count: number) => {
  const counts = new Map<number, number>();
  for (let i = 0; i < count; i++) {
    const k = draw(at((i + 0.5) / count));
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return counts;
};

describe('poisson', () => {
  it.each([0.5, 3, 11.5])(
    'inverts the CDF below mean 12: each count takes its probability of 10,000 spread uniforms (mean %s)',
    (mean) => {
      const counts = histogram((rng) => poisson(rng, mean), 10_000);
      for (let k = 0; k <= 40; k++) {
        const p = poissonCdf(mean, k) - (k > 0 ? poissonCdf(mean, k - 1) : 0);
        expect(Math.abs((counts.get(k) ?? 0) - 10_000 * p)).toBeLessThanOrEqual(1);
      }
    },
  );

  it('draws by hand at given uniforms: the inversion, the zero shortcut and the normal branch from mean 12 on', () => {
    // mean 3: CDF 0.049787, 0.199148, 0.42319, 0.647232, ...
    expect(poisson(at(0.04), 3)).toBe(0);
    expect(poisson(at(0.05), 3)).toBe(1);
    expect(poisson(at(0.42), 3)).toBe(2);
    expect(poisson(at(0.43), 3)).toBe(3);
    // mean 0.5: u below 1 - 0.5 is 0 at once; e^-0.5 = 0.606531 ends the zeros.
    expect(poisson(at(0.49), 0.5)).toBe(0);
    expect(poisson(at(0.6), 0.5)).toBe(0);
    expect(poisson(at(0.61), 0.5)).toBe(1);
    // mean 20 (Cornish-Fisher): floor(20 + sqrt(20) z + (z^2 - 1) / 6 + 1/2).
    expect(poisson(at(0.5), 20)).toBe(20); // 20.3333
    expect(poisson(at(0.975), 20)).toBe(29); // 29.7388
    expect(poisson(at(0.025), 20)).toBe(12); // 12.2084
    expect(poisson(at(1e-6), 20)).toBe(2); // 2.8412
    // mean 12 takes the normal branch: 15.0083 and 16.0060, where the inversion gives 14 and 15.
    expect(poisson(at(0.772), 12)).toBe(15);
    expect(poisson(at(0.844), 12)).toBe(16);
    // ... and never goes below 0: -0.3672 at u = 1e-6.
    expect(poisson(at(1e-6), 12)).toBe(0);
    for (const mean of [0, -1, Number.NaN, Number.NEGATIVE_INFINITY]) expect(poisson(at(0.9), mean)).toBe(0);
    // The inversion stops at 100 where the summed CDF rounds below u (u = 1 - 2^-53, above any Rng uniform).
    expect(poisson(at(1 - 2 ** -53), 8)).toBe(100);
  });
});

describe('binomial', () => {
  it.each([
    [10, 0.3],
    [10, 0.7],
    [25, 0.5],
    [40, 0.05],
  ])(
    'inverts the CDF up to mean 30: each count takes its probability of 10,000 spread uniforms (n %s, p %s)',
    (n, p) => {
      const counts = histogram((rng) => binomial(rng, n, p), 10_000);
      for (let k = 0; k <= n; k++) {
        expect(Math.abs((counts.get(k) ?? 0) - 10_000 * binomialPmf(n, p, k))).toBeLessThanOrEqual(1);
      }
    },
  );

  it('draws by hand at given uniforms: the inversion, both ends and the normal branch above mean 30', () => {
    // n 10, p 0.3: CDF 0.028248, 0.149308, 0.382783, 0.649611, ...
    expect(binomial(at(0.02), 10, 0.3)).toBe(0);
    expect(binomial(at(0.03), 10, 0.3)).toBe(1);
    expect(binomial(at(0.38), 10, 0.3)).toBe(2);
    expect(binomial(at(0.39), 10, 0.3)).toBe(3);
    // p above 1/2 counts the failures of the mirrored draw: 10 - 2.
    expect(binomial(at(0.38), 10, 0.7)).toBe(8);
    expect(binomial(at(0.999999), 10, 0.3)).toBe(10);
    expect(binomial(at(0.5), 10, 1)).toBe(10);
    expect(binomial(at(0.5), 10, 0)).toBe(0);
    expect(binomial(at(0.5), 0, 0.5)).toBe(0);
    // n 200, p 0.3 (mean 60): floor(60 + sqrt(60 x 0.7) z + 1/2).
    expect(binomial(at(0.5), 200, 0.3)).toBe(60);
    expect(binomial(at(0.975), 200, 0.3)).toBe(73); // 73.2020
    expect(binomial(at(0.025), 200, 0.3)).toBe(47); // 47.7980
    expect(binomial(at(0.975), 200, 0.7)).toBe(127);
    // Mean 30 exactly still inverts: n 60, p 1/2, u 0.5 is the median 30.
    expect(binomial(at(0.5), 60, 0.5)).toBe(30);
    // Never below 0 where the normal branch would go there: 40 + sqrt(38.4) x (-7.0345) + 1/2 = -3.09.
    expect(binomial(at(1e-12), 1000, 0.04)).toBe(0);
  });
});

describe('gamma', () => {
  it('accepts the first try at z = 0: d = shape - 1/3, and below shape 1 boosts by u^(1/shape)', () => {
    // u = 1/2 gives z = 0 and v = 1, accepted since log(1/2) < 0.
    expect(gamma(at(0.5), 4)).toBeCloseTo(4 - 1 / 3, 12);
    expect(gamma(at(0.5), 1)).toBeCloseTo(2 / 3, 12);
    // shape 0.5: the draw at 1.5 (7/6) times 0.5^(1 / 0.5).
    expect(gamma(at(0.5), 0.5)).toBeCloseTo((7 / 6) * 0.25, 12);
  });

  it('scales the try by c = 1 / sqrt(9 d): d (1 + c z)^3, accepted at u = 1/2', () => {
    // shape 4: d = 11/3, c = 0.174078; z = 0.253347 at u = 0.6 gives 4.173499, z = -0.524401 at u = 0.3 gives 2.751392.
    expect(gamma(at(0.6, 0.5), 4)).toBeCloseTo(4.173498873375955, 8);
    expect(gamma(at(0.3, 0.5), 4)).toBeCloseTo(2.7513921681081794, 8);
  });

  it('rejects a try whose squeeze test fails and takes the next', () => {
    // First try: z = 1.959964 at u = 0.975, and u = 0.999999 fails the test (log u is above the
    // bound, -0.0296 by hand); the second try at z = 0 is accepted, so the draw is d, not d v.
    const d = 4 - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    const z = 1.9599639845400536;
    const v = (1 + c * z) ** 3;
    expect(0.5 * z * z + d - d * v + d * Math.log(v)).toBeCloseTo(-0.0296, 3);
    expect(gamma(at(0.975, 0.999999, 0.5, 0.5), 4)).toBeCloseTo(d, 12);
  });

  it.each([0.25, 1, 3])('has mean and variance equal to the shape (%s), 40,000 draws', (shape) => {
    const rng = new Rng(11);
    let sum = 0;
    let squares = 0;
    const n = 40_000;
    for (let i = 0; i < n; i++) {
      const x = gamma(rng, shape);
      sum += x;
      squares += x * x;
    }
    const mean = sum / n;
    expect(mean / shape).toBeCloseTo(1, 1);
    expect((squares / n - mean * mean) / shape).toBeCloseTo(1, 1);
  });
});
