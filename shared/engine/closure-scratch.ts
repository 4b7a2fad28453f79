import { type Above, type CountDistribution, newAbove, newCountDistribution } from './count-distribution';

/** Scratch the closure reuses (no allocation per step), and the anchor table last used. */
export interface ClosureScratch {
  n: CountDistribution;
  above: Above;
  table: { servers: number; serviceCv2: number; values: Float64Array | null };
}

export const newScratch = (): ClosureScratch => ({
  n: newCountDistribution(),
  above: newAbove(),
  table: { servers: 0, serviceCv2: Number.NaN, values: null },
});
