import { z } from 'zod';
import { isTimeZone } from '../calendar/org-week';
import { ladderSchema, levelSchema } from '../schemas/levels';
import { thresholdsSchema } from '../schemas/options';
import { teamSchema } from '../schemas/org';
import { rangesPatchSchema } from '../schemas/parameter-ranges';
import { parametersPatchSchema, parametersSchema } from '../schemas/parameters';

/** An IANA time zone name; the org's weeks start at its local Monday 00:00. */
export const timeZoneSchema = z
  .string()
  .max(64)
  .refine(isTimeZone, { message: 'must be an IANA time zone, e.g. Europe/Rome or UTC' })
  .meta({ description: "Weeks start at this zone's local Monday 00:00", example: 'Europe/Rome' });

/** The org with its settings (GET and PATCH /orgs/{org}). */
export const orgViewSchema = z
  .object({
    slug: z.string(),
    name: z.string(),
    timeZone: timeZoneSchema,
    levels: z.array(levelSchema),
    parameters: parametersSchema,
    modelRevision: z.number().int().meta({
      description:
        'Raised by every change of the org model (settings, teams, scenarios): forecasts of an older revision are stale',
    }),
  })
  .meta({ id: 'Org' });

/** PATCH /orgs/{org}: the settings to change (admins), all or nothing. */
export const orgPatchSchema = z.strictObject({
  timeZone: timeZoneSchema.optional(),
  levels: ladderSchema.optional().meta({
    description:
      'The whole level ladder, most junior first; leaving out a level that roster rows, team headcounts or scenario events use is refused (409)',
  }),
  parameters: parametersPatchSchema.optional().meta({
    description: 'Model parameter values to set; `null` restores a parameter’s documented default',
  }),
  ranges: rangesPatchSchema.optional().meta({
    description:
      'Monte Carlo ranges to set, in each parameter’s unit: `{ low, high }` with 0 < low <= value <= high <= 10 × value (the value after this change’s `parameters`); `null` restores the documented default range. Stored as multipliers of the value, so a later value change moves the range with it',
  }),
});

/** GET /orgs/{org}/model: exactly what the engine takes as `org` and `parameters`, with the org's thresholds. */
export const orgModelSchema = z
  .object({
    org: z.object({ name: z.string(), levels: z.array(levelSchema), teams: z.array(teamSchema) }),
    parameters: parametersSchema,
    thresholds: thresholdsSchema.meta({
      description: 'The org’s breach thresholds (GET /orgs/{org}/thresholds)',
    }),
  })
  .meta({ id: 'OrgModel' });

/** One row of the model parameter catalogue (GET /orgs/{org}/parameters). */
export const modelParameterSchema = z
  .object({
    name: z.string(),
    label: z.string(),
    unit: z.string(),
    source: z.string().meta({ description: 'Reference ids of the calibration table, or the reasoning' }),
    default: z.number(),
    value: z.number().meta({ description: 'The value forecasts use: the org’s own, else the default' }),
    overridden: z.boolean().meta({ description: 'Whether the org’s value differs from the default' }),
    min: z.number(),
    max: z.number(),
    aboveMin: z.boolean().meta({ description: 'The value must be above `min`, not equal to it' }),
    uncertainty: z
      .tuple([z.number(), z.number()])
      .nullable()
      .meta({ description: 'Monte Carlo range as [low, high] multipliers of the value; null when fixed' }),
    range: z.object({ low: z.number(), high: z.number() }).nullable().meta({
      description: 'The same range in the parameter’s unit (value × multipliers); null when fixed',
    }),
    rangeChanged: z
      .boolean()
      .meta({ description: 'Whether the org’s range differs from the documented default range' }),
  })
  .meta({ id: 'ModelParameter' });

/** The whole catalogue with the model revision it was read at. */
export const parameterCatalogueSchema = z.object({
  items: z.array(modelParameterSchema),
  modelRevision: z.number().int(),
});

export type OrgModel = z.infer<typeof orgModelSchema>;
export type OrgPatch = z.infer<typeof orgPatchSchema>;
export type OrgView = z.infer<typeof orgViewSchema>;
export type ModelParameter = z.infer<typeof modelParameterSchema>;
export type ParameterCatalogue = z.infer<typeof parameterCatalogueSchema>;
