/**
 * Weights of a quantity relaxing at rate x (per unit time) over one unit of time.
 */

/**
 * (1 - e^-x) / x: the mean over the unit of e^-(x t), so the share of a constant inflow a
 * relaxing quantity keeps, and the correlation between its start and its mean over the unit.
 * `decayed` is e^-x when the caller has it. Taken as 1 - x / 2 below x = 1e-5.
 */
export const relaxedShare = (x: number, decayed = Math.exp(-x)): number =>
  x > 1e-5 ? (1 - decayed) / x : 1 - x / 2;

/** Share of a unit-long average's variance that a stationary process relaxing at rate x keeps: 2 (x - 1 + e^-x) / x^2. */
export const averagedShare = (x: number): number =>
  x > 1e-6 ? (2 * (x - 1 + Math.exp(-x))) / (x * x) : 1 - x / 3;
