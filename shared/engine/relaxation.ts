/**
 * Weights of a quantity relaxing at rate x (per unit time) over one unit of time.
 */

/**
 * (1 - e^-x) / x: the mean over the unit of e^-(x t), so the share of a constant inflow a
 * relaxing quantity keeps, and the correlation between its start and its mean over the unit.
 * `decayed` is e^-x when the caller has it. Taken as 1 - x / 2 below x = 1e-5.
 */
export const relaxedShare = (x: number, decayed = Math.exp(-x)): number =>
  // Stryker disable next-line EqualityOperator: >= differs only at x = 1e-5, where the closed form and the series differ by 2e-11 (this also leaves out the killed <=)
  x > 1e-5 ? (1 - decayed) / x : 1 - x / 2;

/**
 * Share of a unit-long average's variance that a stationary process relaxing at rate x keeps:
 * 2 (x - 1 + e^-x) / x^2; its series 1 - x / 3 + x^2 / 12 below x = 1e-3, where the difference
 * cancels (the series' error there is below 2e-11).
 * Its limit 0 at x = Infinity (a queue whose review times have no spread and no arrivals
 * relaxes at once: correlationRate overflows), where the closed form is Infinity / Infinity.
 */
export const averagedShare = (x: number): number =>
  x === Number.POSITIVE_INFINITY
    ? 0
    : // Stryker disable next-line EqualityOperator: >= differs only at x = 1e-3, where the closed form and the series differ by 5e-11 (this also leaves out the killed <=)
      x > 1e-3
      ? (2 * (x - 1 + Math.exp(-x))) / (x * x)
      : 1 - x / 3 + (x * x) / 12;

/**
 * Rate (per week) of the single exponential with the integrated autocorrelation time of the
 * number in a queue with `arrivals` and `capacity` changes a week, Poisson arrivals and review
 * times of squared CV `serviceCv2`: drift^2 / variance of its Brownian approximation,
 * (capacity - arrivals)^2 / (arrivals + capacity serviceCv2). Exact for M/M/1, whose queue
 * length's time average has asymptotic variance 2 rho (1 + rho) / (1 - rho)^4 (Whitt, "Planning
 * queueing simulations", Management Science 35(11), 1989); 0 (no relaxation) when not below capacity.
 */
export const correlationRate = (arrivals: number, capacity: number, serviceCv2: number): number => {
  const drift = capacity - arrivals;
  const variance = arrivals + capacity * serviceCv2;
  if (!(variance > 0)) return 0;
  // Stryker disable next-line EqualityOperator: drift >= 0 differs only at drift 0, where drift^2 / variance is 0 as well (this also leaves out the killed <=)
  return drift > 0 ? (drift * drift) / variance : 0;
};
