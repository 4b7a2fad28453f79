/** A finite number: Number.isFinite is false for every non-number (it does not coerce). */
const isFiniteNumber = (value: unknown): value is number => Number.isFinite(value);

/** Throws `RangeError("<fn>: <name> must be a finite number >= <min>")` unless value qualifies. */
export const requireAtLeast = (fn: string, name: string, value: unknown, min: number): number => {
  if (!isFiniteNumber(value) || value < min) {
    throw new RangeError(`${fn}: ${name} must be a finite number >= ${min}`);
  }
  return value;
};

/** Throws unless value is a finite number strictly above min. */
export const requireAbove = (fn: string, name: string, value: unknown, min: number): number => {
  if (!isFiniteNumber(value) || value <= min) {
    throw new RangeError(`${fn}: ${name} must be a finite number > ${min}`);
  }
  return value;
};

/** Throws unless value is a finite number in [min, max]. */
export const requireBetween = (
  fn: string,
  name: string,
  value: unknown,
  min: number,
  max: number,
): number => {
  if (!isFiniteNumber(value) || value < min || value > max) {
    throw new RangeError(`${fn}: ${name} must be a finite number between ${min} and ${max}`);
  }
  return value;
};

/** A whole number: Number.isInteger is false for every non-number (it does not coerce). */
const isWholeNumber = (value: unknown): value is number => Number.isInteger(value);

/** Throws unless value is a whole number >= 0. */
export const requireWhole = (fn: string, name: string, value: unknown): number => {
  if (!isWholeNumber(value) || value < 0) {
    throw new RangeError(`${fn}: ${name} must be a whole number >= 0`);
  }
  return value;
};
