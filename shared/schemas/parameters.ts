import { z } from 'zod';
import { boundedNumber } from './fields';

/**
 * Model parameters with their defaults. Units in each comment; the bracketed id names the row of
 * reference/calibration.md the default comes from, otherwise the comment gives the reasoning.
 */
const parameterDefaults = {
  /** Baseline share of engineers who have adopted AI coding (0-1): [R04] 75.9% use AI for some daily task, [R43] the push to 80% weekly coding use implies well below it today. */
  baselineAiAdoption: 0.5,
  /** Changes per week of an AI adopter relative to a non-adopter: [R09] PRs touched per day +47%. */
  adopterChangeMultiplier: 1.47,
  /** Share of an adopter's changes that are AI-assisted (0-1): [R13] ~50% of new code. */
  aiAssistedShare: 0.5,
  /** Review hours per human-written change: [R24] 3.2 h/week over [R21] 4 reviews/week. */
  humanReviewHours: 0.8,
  /** Review time of an AI-assisted change relative to a human one: [R07] +91%. */
  aiReviewTimeMultiplier: 1.91,
  /** Share (0-1) of unmarked changes by non-sign-off levels that sign-off reviewers review anyway: set so a reviewer does ~4 reviews/week [R21] in a 3/5/3/1 team. */
  ordinaryReviewShare: 0.55,
  /** Hours per week a sign-off reviewer spends reviewing: [R25] 15% of a 40 h week; [R24] 6.4 h/week. */
  reviewHoursPerReviewer: 6,
  /** Share (0-1) of review hours lost to leave, holidays and sickness: ~30 of 230 working days. */
  shrinkage: 0.13,
  /** Working hours per week; waits are in working hours: [R33] 35-40 h standard week. */
  workHoursPerWeek: 40,
  /** Overtime cap per reviewer, hours/week: [R33] harm rises from 55 h; 48 h is the EU Working Time Directive's average limit. */
  maxOvertimeHours: 8,
  /** Share (0-1) of excess review work reviewers absorb as overtime: assumption, most but not all. */
  overtimeResponse: 0.8,
  /** Weekly fatigue gain at the overtime cap (0-1): reaches ~50% after 8 weeks at the cap; no published coefficient. */
  fatigueGain: 0.08,
  /** Weekly fatigue drain without overtime (0-1): half-life ~17 weeks, "drains slowly" per [R36] exhaustion. */
  fatigueRecovery: 0.04,
  /** Routine attrition per year (0-1), assumed backfilled: tech-industry turnover ~13% (LinkedIn 2018 talent report). */
  baseAttritionPerYear: 0.13,
  /** Attrition hazard multiplier at full fatigue: [R30] 2.6x, [R31] 2.1x job seeking at high burnout. */
  burnoutHazardMultiplier: 2.3,
  /** Severity-2 incidents per 1,000 merged changes at full review depth: assumption sized to [R34] (a few a quarter per team). */
  sev2PerThousandChanges: 1.5,
  /** Incident rate of AI-assisted changes relative to human ones: [R02] stability -7.2% per +25% adoption, [R09] bugs +9%. */
  aiDefectMultiplier: 1.3,
  /** Extra defect escape per unit of overload (review pressure above 1): [R26] effectiveness falls past 300-500 LOC/h. */
  depthSensitivity: 1,
  /** Reviewer hours per severity-2 incident: [R34] ~6 h per incident ([R35] 1.2 responders x 126 min is the low end). */
  incidentHours: 6,
  /** Coefficient of variation of review times: 1 = exponential (no Allen-Cunneen correction); raise for the skew of [R22] change sizes. */
  serviceCv: 1,
  /** Share (0-1) of the people at sign-off levels who review: 1 counts everyone; a calibration fits it from who signed off in the org's history. */
  activeReviewerShare: 1,
  /**
   * Burstiness of weekly sign-off arrivals: the variance of a week's rate relative to its mean
   * squared, so a week's count is negative binomial with variance mean (1 + dispersion x mean).
   * Default 0, Poisson weeks (the queueing model's own assumption); a calibration fits it from the
   * spread of the team's weekly sign-off counts.
   */
  arrivalDispersion: 0,
} as const;

export type ParameterName = keyof typeof parameterDefaults;

/** Parameter names in a fixed order (the order Monte Carlo draws them in). */
export const parameterNames = Object.keys(parameterDefaults) as ParameterName[];

const fractionNames = new Set<ParameterName>([
  'baselineAiAdoption',
  'aiAssistedShare',
  'ordinaryReviewShare',
  'shrinkage',
  'overtimeResponse',
  'fatigueGain',
  'fatigueRecovery',
  'baseAttritionPerYear',
  'activeReviewerShare',
]);

/** Whether a parameter is a share that must stay within 0-1 (Monte Carlo clamps draws). */
export const isFractionParameter = (name: ParameterName): boolean => fractionNames.has(name);

/**
 * Default uncertainty as [low, high] multipliers of the value, drawn in Monte Carlo with median 1
 * (a triangle each side of it). Parameters not listed are fixed.
 */
const uncertaintyDefaults: Partial<Record<ParameterName, [number, number]>> = {
  adopterChangeMultiplier: [1.21 / 1.47, 1.98 / 1.47], // [R09] tasks +21% .. [R06] PRs +98%
  aiAssistedShare: [0.5, 1.5], // [R13] >25% .. ~75%
  humanReviewHours: [0.7, 1.4], // [R24] 3.2-6.4 h/week over [R21] 4 reviews
  aiReviewTimeMultiplier: [0.7, 1.33], // [R07] +91% .. [R08] size +154%
  ordinaryReviewShare: [0.6, 1.4], // assumption, wide
  reviewHoursPerReviewer: [0.67, 1.07], // [R24] 4-6.4 h/week
  fatigueGain: [0.5, 1.5], // no published coefficient: wide
  fatigueRecovery: [0.5, 2], // no published coefficient: wide
  burnoutHazardMultiplier: [2 / 2.3, 2.6 / 2.3], // [R30] [R31] 2x-2.6x
  sev2PerThousandChanges: [0.5, 2], // assumption, wide
  aiDefectMultiplier: [1.09 / 1.3, 1.5 / 1.3], // [R09] +9% .. [R02] ~-29% stability at full adoption
  depthSensitivity: [0.5, 2], // [R26] vendor study: wide
  incidentHours: [2.5 / 6, 8 / 6], // [R35] 2.5 h .. [R34] 6 h, up to 8 h
};

/** Values that must be above 0 (they divide), checked wherever they are given. */
const positiveNames = new Set<ParameterName>(['workHoursPerWeek', 'humanReviewHours']);

/**
 * Upper bounds other than 1 for shares and 1,000 otherwise: a week has 168 hours; a dispersion
 * above 2 (a week's rate varying by more than 140%, as its standard deviation over its mean) is
 * past anything a weekly model of a team describes.
 */
const upperBounds: Partial<Record<ParameterName, number>> = { workHoursPerWeek: 168, arrivalDispersion: 2 };

/** The values a parameter may take: `min` to `max`, above `min` (not equal) when `aboveMin`. */
export const parameterBounds = (name: ParameterName): { min: number; max: number; aboveMin: boolean } => ({
  min: 0,
  max: upperBounds[name] ?? (isFractionParameter(name) ? 1 : 1000),
  aboveMin: positiveNames.has(name),
});

const fieldSchema = (name: ParameterName) => boundedNumber(0, parameterBounds(name).max);

/** An uncertainty range: [low, high] multipliers of a value, low in (0, 1], high in [1, 10]. */
export const rangeSchema = z
  .tuple([boundedNumber(0, 1), boundedNumber(1, 10)], { error: 'must be [low, high] multipliers' })
  .refine(([low]) => low > 0, { error: 'low multiplier must be above 0' });

const rangesSchema = z.partialRecord(z.enum(parameterNames), rangeSchema);

const checkPositive = (values: Partial<Record<ParameterName, number | null>>, ctx: z.RefinementCtx) => {
  for (const name of positiveNames) {
    const value = values[name];
    if (typeof value === 'number' && value <= 0)
      ctx.addIssue({ code: 'custom', path: [name], message: 'must be above 0' });
  }
};

const shape = Object.fromEntries(
  parameterNames.map((name) => [name, fieldSchema(name).default(parameterDefaults[name])]),
) as { [K in ParameterName]: z.ZodDefault<z.ZodNumber> };

/** Parameters: every field optional on input, defaults as documented above. */
export const parametersSchema = z
  .object({
    ...shape,
    uncertainty: rangesSchema.default(() =>
      Object.fromEntries(
        Object.entries(uncertaintyDefaults).map(([name, [low, high]]) => [name, [low, high]]),
      ),
    ),
  })
  .strict()
  .superRefine(checkPositive);

export type Parameters = z.infer<typeof parametersSchema>;
export type ParametersInput = z.input<typeof parametersSchema>;

const overrideShape = Object.fromEntries(
  parameterNames.map((name) => [name, fieldSchema(name).optional()]),
) as { [K in ParameterName]: z.ZodOptional<z.ZodNumber> };

/**
 * A team's partial override of the org parameters: the values and uncertainty ranges it gives
 * replace the org's, under the same field rules; everything else stays the org's.
 */
export const parameterOverridesSchema = z
  .object({ ...overrideShape, uncertainty: rangesSchema.optional() })
  .strict()
  .superRefine(checkPositive);

export type ParameterOverrides = z.infer<typeof parameterOverridesSchema>;

const patchShape = Object.fromEntries(
  parameterNames.map((name) => [name, fieldSchema(name).nullable().optional()]),
) as { [K in ParameterName]: z.ZodOptional<z.ZodNullable<z.ZodNumber>> };

/** A change of the org's parameter values: a number sets one, `null` restores its documented default. */
export const parametersPatchSchema = z.object(patchShape).strict().superRefine(checkPositive);

export type ParametersPatch = z.infer<typeof parametersPatchSchema>;

/** `parameters` with `patch` applied (null restores the default); uncertainty ranges stay as they are. */
export const applyParametersPatch = (parameters: Parameters, patch: ParametersPatch): Parameters => {
  const next: Parameters = { ...parameters };
  for (const name of parameterNames) {
    const value = patch[name];
    if (value !== undefined) next[name] = value ?? defaultParameters[name];
  }
  return next;
};

/** The org parameters with a team's override laid over them (ranges replaced name by name). */
export const withOverrides = (
  parameters: Parameters,
  overrides: ParameterOverrides | undefined,
): Parameters => {
  if (overrides === undefined) return parameters;
  const { uncertainty, ...values } = overrides;
  const merged: Parameters = { ...parameters, uncertainty: { ...parameters.uncertainty, ...uncertainty } };
  for (const name of parameterNames) {
    const value = values[name];
    if (value !== undefined) merged[name] = value;
  }
  return merged;
};

/** Override `over` laid over override `under`: values replaced, ranges replaced name by name. */
export const mergeOverrides = (
  under: ParameterOverrides | undefined,
  over: ParameterOverrides,
): ParameterOverrides => {
  const uncertainty = { ...under?.uncertainty, ...over.uncertainty };
  return { ...under, ...over, uncertainty };
};

/** The documented defaults, parsed. */
export const defaultParameters: Parameters = parametersSchema.parse({});
