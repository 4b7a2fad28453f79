import { type Above, type CountDistribution, newAbove } from './count-distribution';

/** Scratch the closure reuses (no allocation per step), and the anchor table last used. */
export interface ClosureScratch {
  n: CountDistribution;
  above: Above;
  table: { servers: number; serviceCv2: number; values: Float64Array | null };
}

export const newScratch = (): ClosureScratch => ({
  n: { mean: 0, square: 0, shape: 0, scale: 0 },
  above: newAbove(),
  table: { servers: 0, serviceCv2: Number.NaN, values: null },
});
