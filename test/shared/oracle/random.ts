/**
 * The oracle's own random numbers, independent of the engine's generator: sfc32 (Chris Doty-Humphrey's
 * small fast counting generator), exponential and gamma variates (Marsaglia and Tsang 2000).
 */
export class OracleRandom {
  private a: number;
  private b: number;
  private c: number;
  private d = 1;

  constructor(seed: number) {
    this.a = 0x9e3779b9;
    this.b = 0x243f6a88;
    this.c = seed | 0;
    for (let i = 0; i < 15; i++) this.uniform();
  }

  /** Uniform in (0, 1). */
  uniform(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return ((t >>> 0) + 0.5) / 4294967296;
  }

  /** Exponential with the given rate. */
  exponential(rate: number): number {
    return -Math.log(this.uniform()) / rate;
  }

  /** Standard normal by Box-Muller (one of the pair). */
  normal(): number {
    return Math.sqrt(-2 * Math.log(this.uniform())) * Math.cos(2 * Math.PI * this.uniform());
  }

  /** Gamma with the given mean and coefficient of variation (shape 1 / cv^2). */
  gamma(mean: number, cv: number): number {
    const shape = 1 / (cv * cv);
    return (this.standardGamma(shape) * mean) / shape;
  }

  private standardGamma(shape: number): number {
    if (shape < 1) return this.standardGamma(shape + 1) * this.uniform() ** (1 / shape);
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = this.normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = this.uniform();
      if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
    }
  }
}
