import { z } from 'zod';
import { defaultParameters, type ParameterName, type Parameters, parameterNames } from './parameters';

/** A parameter's Monte Carlo range in its own unit: draws fall from `low` to `high`, with median at the value. */
export interface ParameterRange {
  low: number;
  high: number;
}

/** A field of a ranges patch that breaks a rule, its path relative to the patch (`humanReviewHours.low`). */
export interface RangeIssue {
  path: string;
  message: string;
}

/** How far above the value a range may reach (the engine's multiplier bound). */
const maxHighMultiplier = 10;

const rangeSchema = z.strictObject({
  low: z.number({ error: 'must be a number' }),
  high: z.number({ error: 'must be a number' }),
});

const patchShape = Object.fromEntries(
  parameterNames.map((name) => [name, rangeSchema.nullable().optional()]),
) as { [K in ParameterName]: z.ZodOptional<z.ZodNullable<typeof rangeSchema>> };

/**
 * A change of the org's uncertainty ranges, in each parameter's own unit: `{ low, high }` with
 * low <= value <= high, or `null` to restore the documented default range (none for a fixed parameter).
 */
export const rangesPatchSchema = z.object(patchShape).strict();

export type RangesPatch = z.infer<typeof rangesPatchSchema>;

/** A number as the API shows it: 12 significant digits, so value x multiplier reads as typed. */
const tidy = (x: number): number => Number(x.toPrecision(12));

/** The range of `name` in its unit (value x the stored multipliers), or null when the parameter is fixed. */
export const parameterRange = (parameters: Parameters, name: ParameterName): ParameterRange | null => {
  const multipliers = parameters.uncertainty[name];
  const value = parameters[name];
  return multipliers ? { low: tidy(value * multipliers[0]), high: tidy(value * multipliers[1]) } : null;
};

/** Whether two multiplier ranges are the same up to rounding (both absent counts as the same). */
export const sameRange = (a: readonly number[] | undefined, b: readonly number[] | undefined): boolean =>
  a === undefined || b === undefined
    ? a === b
    : a.every((m, i) => Math.abs(m - b[i]!) <= 1e-9 * Math.max(1, Math.abs(m)));

/** Whether the org's range of `name` differs from its documented default. */
export const rangeChanged = (parameters: Parameters, name: ParameterName): boolean =>
  !sameRange(parameters.uncertainty[name], defaultParameters.uncertainty[name]);

/** Slack for the bounds, so a range read back at 12 significant digits still holds its value. */
const slack = 1e-9;

/** What is wrong with `range` around `value`, if anything. */
function rangeIssues(name: ParameterName, value: number, { low, high }: ParameterRange): RangeIssue[] {
  if (value <= 0) {
    return [{ path: name, message: 'the value is 0, so it cannot vary: set a value above 0 first' }];
  }
  const issues: RangeIssue[] = [];
  if (low <= 0) issues.push({ path: `${name}.low`, message: 'must be above 0' });
  else if (low > value * (1 + slack))
    issues.push({ path: `${name}.low`, message: `must be at most the value (${value})` });
  if (high < value * (1 - slack))
    issues.push({ path: `${name}.high`, message: `must be at least the value (${value})` });
  else if (high > value * maxHighMultiplier * (1 + slack)) {
    issues.push({
      path: `${name}.high`,
      message: `must be at most ${maxHighMultiplier} × the value (${tidy(value * maxHighMultiplier)})`,
    });
  }
  return issues;
}

/**
 * `parameters` with `patch`'s ranges, checked against each parameter's value in `parameters`
 * (so a value change of the same request counts) and stored as multipliers of it; a range equal
 * to the stored one up to rounding keeps the stored multipliers. With any issue, `parameters`
 * comes back unchanged.
 */
export function applyRangesPatch(
  parameters: Parameters,
  patch: RangesPatch,
): { parameters: Parameters; issues: RangeIssue[] } {
  const uncertainty = { ...parameters.uncertainty };
  const issues: RangeIssue[] = [];
  for (const name of parameterNames) {
    const range = patch[name];
    if (range === undefined) continue;
    const value = parameters[name];
    const found = range === null ? [] : rangeIssues(name, value, range);
    issues.push(...found);
    if (found.length > 0) continue;
    const next =
      range === null ? defaultParameters.uncertainty[name] : [range.low / value, range.high / value];
    if (sameRange(next, uncertainty[name])) continue;
    if (next) uncertainty[name] = [next[0]!, next[1]!];
    else delete uncertainty[name];
  }
  return issues.length > 0 ? { parameters, issues } : { parameters: { ...parameters, uncertainty }, issues };
}
