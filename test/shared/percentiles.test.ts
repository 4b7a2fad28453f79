import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rankSlack, selectInPlace, writeQuantiles } from '../../shared/engine/percentiles';
import { toSignificant } from '../../shared/engine/significant';

/** P10, P50 and P90 as writeQuantiles writes them for `values`. */
const bands = (values: readonly number[]): number[] => {
  const out = [[0], [0], [0]] as [number[], number[], number[]];
  writeQuantiles(Float64Array.from(values), 0, values.length, 0, ...out);
  // + 0 makes -0 a 0: one value to a percentile, which toEqual would tell apart.
  return out.map((band) => band[0]! + 0);
};

/** Output rounding (float32, then six significant digits), which the bound leaves aside. */
const rounded = (x: number) => toSignificant(Math.fround(x)) + 0;

/**
 * The oracle: sort, take the nearest rank round(q (n - 1)), and every value within 0.25
 * percentile points of it (floor(0.0025 n) ranks either side), rounded like the output.
 */
const allowed = (values: readonly number[], q: number): number[] => {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  const rank = Math.round(q * (n - 1));
  const slack = Math.floor(0.0025 * n);
  return sorted.slice(Math.max(0, rank - slack), rank + slack + 1).map(rounded);
};

/** Samples like the engine's: continuous, whole counts, heavy ties at zero and a cap, rare huge outliers. */
const sample = fc.oneof(
  { weight: 4, arbitrary: fc.double({ min: 0, max: 100, noNaN: true }) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 30 }) },
  { weight: 1, arbitrary: fc.constantFrom(0, 10_400) },
  { weight: 1, arbitrary: fc.double({ min: -1e9, max: 1e9, noNaN: true }) },
);

describe('approximate percentiles', () => {
  it('pick each of P10, P50 and P90 within 0.25 percentile points of the exact sorted rank, in order', () => {
    fc.assert(
      fc.property(fc.array(sample, { minLength: 1, maxLength: 2_000 }), (values) => {
        const [p10, p50, p90] = bands(values);
        expect(allowed(values, 0.1)).toContain(p10);
        expect(allowed(values, 0.5)).toContain(p50);
        expect(allowed(values, 0.9)).toContain(p90);
        expect(p10).toBeLessThanOrEqual(p50!);
        expect(p50).toBeLessThanOrEqual(p90!);
      }),
      { numRuns: 400 },
    );
  });

  it('are exact below 400 samples, where 0.25 points is less than one rank', () => {
    // -0 and 0 are one value (a counterexample fast-check found: P50 came back -0 against the sorted 0).
    expect(bands([-0, 0])).toEqual([0, 0, 0]);
    fc.assert(
      fc.property(fc.array(sample, { minLength: 1, maxLength: 399 }), (values) => {
        expect(bands(values)).toEqual([0.1, 0.5, 0.9].map((q) => allowed(values, q)[0]));
      }),
      { numRuns: 300 },
    );
  });

  it('are exact for whole numbers spanning fewer than 4,096 values (counted), where bucketing may miss by the slack', () => {
    // -2,000, -1,990, .., 1,990 shuffled: nearest ranks 40, 200 (199.5 rounded) and 359 of 400.
    const values = Array.from({ length: 400 }, (_, i) => ((i * 7919) % 400) * 10 - 2_000);
    expect(bands(values)).toEqual([-1_600, 0, 1_590]);
  });

  it('give 0 for samples a subnormal apart (too close to bucket), from a shared buffer, after another call', () => {
    expect(bands([1, 2, 3])).toEqual([1, 2, 3]);
    const out = [[9], [9], [9]] as [number[], number[], number[]];
    writeQuantiles(Float64Array.of(7, 7, 0, 5e-324, 0, 5e-324, 7), 2, 4, 0, ...out);
    expect(out.map((band) => band[0]! + 0)).toEqual([0, 0, 0]);
  });

  it('keep every rank right when more than 1,024 samples crowd one bucket of a narrowed pool', () => {
    // 0 and 1,000 set the range: one histogram bucket holds [0, 3.9), where 0 and 3 stretch the
    // pool and 2,990 values 3e-6 apart from 1 crowd one of its 256 narrower buckets.
    const values = [0, 1_000, 3, ...Array.from({ length: 2_990 }, (_, j) => 1 + ((j * 7919) % 2_990) * 3e-6)];
    const [p10, p50, p90] = bands(values);
    expect(allowed(values, 0.1)).toContain(p10);
    expect(allowed(values, 0.5)).toContain(p50);
    expect(allowed(values, 0.9)).toContain(p90);
  });

  it('read only their own samples of a shared buffer: neighbours equal to the smallest change nothing', () => {
    // The bands of a week read one metric's runs out of a buffer holding every metric's.
    fc.assert(
      fc.property(fc.array(sample, { minLength: 1, maxLength: 500 }), (values) => {
        const low = Math.min(...values);
        const buffer = Float64Array.from([low, low, ...values, low, low]);
        const out = [[0], [0], [0]] as [number[], number[], number[]];
        writeQuantiles(buffer, 2, values.length, 0, ...out);
        expect(out.map((band) => band[0]! + 0)).toEqual(bands(values));
      }),
      { numRuns: 200 },
    );
  });

  it('keep every rank right when all three share one crowded bucket (990 values in [0, 1), 10 at a million)', () => {
    // 1,000 samples: 0/990 .. 989/990 shuffled, then ten outliers. Nearest ranks 100, 500 and 899,
    // each within 2 ranks: P10 in 98/990 .. 102/990, P50 in 498/990 .. 502/990, P90 in 897/990 .. 901/990.
    const values = [
      ...Array.from({ length: 990 }, (_, i) => ((i * 7919) % 990) / 990),
      ...Array(10).fill(1e6),
    ];
    const [p10, p50, p90] = bands(values).map((v) => Math.round(v * 990));
    expect(p10).toBeGreaterThanOrEqual(98);
    expect(p10).toBeLessThanOrEqual(102);
    expect(p50).toBeGreaterThanOrEqual(498);
    expect(p50).toBeLessThanOrEqual(502);
    expect(p90).toBeGreaterThanOrEqual(897);
    expect(p90).toBeLessThanOrEqual(901);
  });
});

describe('rank slack', () => {
  it.each([
    [399, 0],
    [400, 1],
    [1_000, 2],
    [1_199, 2],
    [1_200, 3],
    [10_000, 25],
  ])('lets a percentile of %i samples miss by %i ranks (0.25 points, rounded down)', (n, ranks) => {
    expect(rankSlack(n)).toBe(ranks);
  });
});

describe('approximate percentiles of large sample sets', () => {
  /** n values in a fixed scrambled order: i * 7919 mod n walks every index once when n is not a multiple of 7919. */
  const scrambled = (n: number, value: (j: number) => number) =>
    Array.from({ length: n }, (_, i) => value((i * 7919) % n));

  it.each([
    ['continuous, spread evenly', 5_000, (j: number) => (j / 5_000) * 100 + 0.001],
    [
      'skewed: 60% zero backlog, 20% at the wait cap, the rest continuous',
      6_000,
      (j: number) => (j < 3_600 ? 0 : j < 4_800 ? 10_400 : 5 + j / 1_000),
    ],
    [
      'crowded: every value but ten in one histogram bucket',
      4_000,
      (j: number) => (j < 10 ? 1e9 : 1 + j / 1e6),
    ],
    ['whole numbers over a range too wide to count', 3_000, (j: number) => j * 3],
  ] as const)('stay within 0.25 percentile points of the sorted ranks: %s', (_, n, value) => {
    const values = scrambled(n, value);
    const [p10, p50, p90] = bands(values);
    expect(allowed(values, 0.1)).toContain(p10);
    expect(allowed(values, 0.5)).toContain(p50);
    expect(allowed(values, 0.9)).toContain(p90);
  });
});

describe('selectInPlace', () => {
  /** Values with ties and a spread of magnitudes, in a fixed shuffled order (a linear congruential walk). */
  const shuffled = (n: number, seed: number) => {
    const values = new Float64Array(n);
    let x = seed;
    for (let i = 0; i < n; i++) {
      x = (x * 1_103_515_245 + 12_345) % 2_147_483_648;
      values[i] = i % 7 === 0 ? 3 : Math.floor(x / 65_536) % 1_000;
    }
    return values;
  };

  it('puts the k-th smallest of a[lo..hi] at k, nothing larger before it, nothing smaller after, and leaves the rest of a alone', () => {
    // Ranges past 600 values narrow to a sampled window first (Floyd-Rivest); small ones do not.
    for (const [n, lo, hi] of [
      [5_000, 0, 4_999],
      [5_000, 700, 4_300],
      [2_000, 0, 1_999],
      [601, 0, 600],
      [50, 3, 40],
    ] as const) {
      for (const k of [lo, lo + 1, Math.floor((lo + hi) / 2), hi - 1, hi, lo + Math.floor((hi - lo) / 10)]) {
        const a = shuffled(n, n + k);
        const before = Float64Array.from(a);
        const expected = Float64Array.from(a.subarray(lo, hi + 1)).sort()[k - lo]!;
        expect(selectInPlace(a, lo, hi, k)).toBe(expected);
        expect(a[k]).toBe(expected);
        for (let i = lo; i < k; i++) expect(a[i]).toBeLessThanOrEqual(expected);
        for (let i = k + 1; i <= hi; i++) expect(a[i]).toBeGreaterThanOrEqual(expected);
        expect(Float64Array.from(a.subarray(lo, hi + 1)).sort()).toEqual(
          Float64Array.from(before.subarray(lo, hi + 1)).sort(),
        );
        expect(a.subarray(0, lo)).toEqual(before.subarray(0, lo));
        expect(a.subarray(hi + 1)).toEqual(before.subarray(hi + 1));
      }
    }
  });
});
