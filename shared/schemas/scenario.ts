import { z } from 'zod';
import { scenarioEventSchema } from './events';
import { displayName } from './fields';

/** A scenario: the baseline plus dated events (applied in date order, ties in list order). */
export const scenarioSchema = z
  .object({
    name: displayName,
    description: z.string().max(2000, { error: 'must be at most 2000 characters' }).optional(),
    events: z.array(scenarioEventSchema).max(500, { error: 'must list at most 500 events' }).default([]),
  })
  .strict();

export type Scenario = z.infer<typeof scenarioSchema>;
export type ScenarioInput = z.input<typeof scenarioSchema>;
