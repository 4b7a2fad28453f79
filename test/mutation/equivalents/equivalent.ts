/** One survivor (or every survivor of a line) that no test can tell from the code, and why. */
export interface Equivalent {
  file: string;
  /** How the mutated line starts, indentation included (the same text can start several lines). */
  line: string;
  /**
   * The mutator and replacement; both left out, every survivor of the line: for lines whose
   * only effect is speed (every mutant of them leaves the result alone).
   */
  mutator?: string;
  replacement?: string;
  reason: string;
}

/** Reason of an extra loop pass at the end of a typed array. */
export const PAST_TYPED_ARRAY =
  'the extra pass writes past the end of a typed array, which ignores the write';

/** One equivalent per [line, mutator, replacement] row of `file`, all for the same reason. */
export const equivalentRows = (
  file: string,
  reason: string,
  rows: readonly (readonly [line: string, mutator: string, replacement: string])[],
): Equivalent[] => rows.map(([line, mutator, replacement]) => ({ file, line, mutator, replacement, reason }));
