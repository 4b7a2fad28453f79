/** Significant digits Monte Carlo bands are reported to: finer than any decision reads them. */
export const BAND_DIGITS = 6;

/** 10^0 .. 10^22: every one is a double exactly (decimal parsing is correctly rounded). */
const POW10 = Array.from({ length: 23 }, (_, i) => Number(`1e${i}`));
/** 10^-0 .. 10^-16, each the double nearest to it: the thresholds of the decimal exponent below 1. */
const NEG_POW10 = Array.from({ length: 17 }, (_, i) => Number(`1e-${i}`));
// Stryker disable next-line ArithmeticOperator: a larger bound reads POW10[23], undefined, and a >= undefined is false, so the search still stops at 22
const MAX_EXPONENT = POW10.length - 1;

/**
 * `x` rounded to {@link BAND_DIGITS} significant decimal digits (half up, as Math.round), so it
 * prints short in JSON. Monotone non-decreasing in x, so P10 <= P50 <= P90
 * survive. Only + - x / and Math.round on exact powers of ten: the same result in every
 * JavaScript engine. Magnitudes below 1e-16 become 0; non-finite values pass unchanged.
 */
export const toSignificant = (x: number): number => {
  const a = Math.abs(x);
  if (!(a > 0) || a === Number.POSITIVE_INFINITY) return x;
  let e = 0;
  // Stryker disable next-line EqualityOperator: > differs only at a = 1, which either branch gives back (this also leaves out the killed <)
  if (a >= 1) {
    // Stryker disable next-line EqualityOperator: e <= MAX_EXPONENT reads POW10[23], undefined (a >= undefined is false); a > differs only at an exact power of ten, which rounds to itself at either exponent (this also leaves out the killed >= and <)
    while (e < MAX_EXPONENT && a >= POW10[e + 1]!) e++;
  } else {
    if (a < NEG_POW10[16]!) return 0;
    do e--;
    while (
      // Stryker disable next-line EqualityOperator: <= differs only at an exact power of ten, which rounds to itself at either exponent (this also leaves out the killed >=)
      a < NEG_POW10[-e]!
    );
  }
  const shift = BAND_DIGITS - 1 - e;
  // Stryker disable next-line EqualityOperator: > differs only at shift 0, where both branches scale by 10^0 = 1 (this also leaves out the killed <)
  if (shift >= 0) {
    const scale = POW10[Math.min(shift, MAX_EXPONENT)]!;
    return Math.round(x * scale) / scale;
  }
  const unit = POW10[Math.min(-shift, MAX_EXPONENT)]!;
  return Math.round(x / unit) * unit;
};
