import { z } from 'zod';
import { scenarioSchema } from '../schemas/scenario';

/** One scenario in the list: its latest version and whether it is the org's plan of record. */
export const scenarioSummarySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    latestVersion: z.number().int(),
    planOfRecord: z.boolean(),
    updatedAt: z.string(),
  })
  .meta({ id: 'ScenarioSummary' });

/** One saved (immutable) version of a scenario with its body. */
export const scenarioVersionSchema = z
  .object({
    id: z.string(),
    version: z.number().int(),
    planOfRecord: z.boolean(),
    createdAt: z.string(),
    createdBy: z.string(),
    scenario: scenarioSchema,
  })
  .meta({ id: 'ScenarioVersion' });

export type ScenarioSummary = z.infer<typeof scenarioSummarySchema>;
export type ScenarioVersion = z.infer<typeof scenarioVersionSchema>;
