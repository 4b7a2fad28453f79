import { describe, expect, it } from 'vitest';
import { hash32, PARAMETER_STREAM, Rng, streamRng } from '../../shared/engine/rng';

/**
 * An independent reference of the engine's generator, written from the published algorithms in
 * BigInt arithmetic modulo 2^32 (the engine uses Math.imul and 32-bit operators): splitmix32's
 * output hash, splitmix32 seeding with the golden-ratio increment, xoshiro128** (Blackman & Vigna),
 * and the stream derivation documented on streamRng.
 */
const M = (1n << 32n) - 1n;
const u32 = (x: bigint) => x & M;
const rotl = (x: bigint, k: bigint) => u32((x << k) | (x >> (32n - k)));

const refHash = (value: bigint): bigint => {
  let x = u32(value);
  x = u32((x ^ (x >> 16n)) * 0x85ebca6bn);
  x = u32((x ^ (x >> 13n)) * 0xc2b2ae35n);
  return x ^ (x >> 16n);
};

function refOutputs(seed: bigint, count: number): number[] {
  const golden = 0x9e3779b9n;
  let [a, b, c, d] = [1n, 2n, 3n, 4n].map((i) => refHash(seed + i * golden)) as [
    bigint,
    bigint,
    bigint,
    bigint,
  ];
  if (a === 0n && b === 0n && c === 0n) d |= 1n;
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    out.push(Number(u32(rotl(u32(b * 5n), 7n) * 9n)));
    const t = u32(b << 9n);
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11n);
  }
  return out;
}

const refStreamSeed = (seed: number, run: number, stream: number): bigint =>
  refHash(refHash(BigInt(seed) ^ refHash(BigInt(run) + 0x632be5abn)) ^ refHash(BigInt(stream) + 0x85157af5n));

const take = (rng: Rng, count: number) => Array.from({ length: count }, () => rng.nextUint32());

describe('Rng against an independent BigInt reference', () => {
  it('hashes like splitmix32’s output function, negative and large inputs taken modulo 2^32', () => {
    for (const value of [0, 1, 42, -1, 0x7fffffff, 0x80000000, 0xffffffff, 123_456_789])
      expect(hash32(value)).toBe(Number(refHash(BigInt(value))));
  });

  it('produces the xoshiro128** sequence of its splitmix32-seeded state', () => {
    for (const seed of [0, 1, 7, 2026, 0x7fffffff])
      expect(take(new Rng(seed), 8)).toEqual(refOutputs(BigInt(seed), 8));
  });

  it('derives each (seed, run, stream) generator from the hashes of run and stream', () => {
    for (const [seed, run, stream] of [
      [1, 0, 0],
      [1, 3, 0],
      [1, 0, 5],
      [9, 199, PARAMETER_STREAM],
    ] as const) {
      expect(take(streamRng(seed, run, stream), 4)).toEqual(refOutputs(refStreamSeed(seed, run, stream), 4));
    }
  });

  it('maps each 32-bit output to the middle of its 2^-32-wide cell of (0, 1)', () => {
    for (const seed of [1, 2, 3]) {
      const integers = take(new Rng(seed), 50);
      const uniforms = (() => {
        const rng = new Rng(seed);
        return Array.from({ length: 50 }, () => rng.next());
      })();
      expect(uniforms).toEqual(integers.map((k) => (k + 0.5) / 2 ** 32));
    }
  });
});
