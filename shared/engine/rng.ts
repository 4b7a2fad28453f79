/** One step of splitmix32's output function: a 32-bit avalanche hash. */
export const hash32 = (value: number): number => {
  let x = value | 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
};

const GOLDEN = 0x9e3779b9;
const TO_UNIT = 2 ** -32;

/**
 * xoshiro128** (Blackman & Vigna), seeded by splitmix32. Pure 32-bit integer arithmetic, so a
 * seed gives the same sequence in every JavaScript engine.
 */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    let s = seed | 0;
    s = (s + GOLDEN) | 0;
    this.a = hash32(s);
    s = (s + GOLDEN) | 0;
    this.b = hash32(s);
    s = (s + GOLDEN) | 0;
    this.c = hash32(s);
    s = (s + GOLDEN) | 0;
    this.d = hash32(s) | (this.a | this.b | this.c ? 0 : 1);
  }

  /** Next 32-bit unsigned integer. */
  nextUint32(): number {
    const b = this.b;
    const r = Math.imul(b, 5);
    const result = Math.imul((r << 7) | (r >>> 25), 9) >>> 0;
    const t = b << 9;
    this.c ^= this.a;
    this.d ^= b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = (this.d << 11) | (this.d >>> 21);
    return result;
  }

  /** Uniform in the open interval (0, 1). */
  next(): number {
    return (this.nextUint32() + 0.5) * TO_UNIT;
  }
}

/** Stream index reserved for the per-run parameter draws. */
export const PARAMETER_STREAM = 0xffffffff;

/** The generator for one (seed, run, stream) triple: runs and teams get independent streams. */
export const streamRng = (seed: number, run: number, stream: number): Rng =>
  new Rng(hash32(hash32(seed ^ hash32(run + 0x632be5ab)) ^ hash32(stream + 0x85157af5)));
