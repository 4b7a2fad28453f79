import { z } from 'zod';
import { scenarioEventSchema } from './events';
import { displayName, identifier } from './fields';
import { teamChangeRateRangesSchema, teamChangeRatesSchema } from './levels';
import { parameterOverridesSchema } from './parameters';

/**
 * A team's parameters in a scenario, laid over the org's and the team's own (e.g. an accepted
 * calibration, which `calibrationId` names), and its changes per week per level and their ranges,
 * laid over the team's own and the ladder's level by level.
 */
export const scenarioTeamParametersSchema = z
  .object({
    parameters: parameterOverridesSchema,
    changesPerWeek: teamChangeRatesSchema.optional(),
    changesPerWeekRanges: teamChangeRateRangesSchema.optional(),
    calibrationId: z.string().min(1).max(64).optional(),
  })
  .strict();

export type ScenarioTeamParameters = z.infer<typeof scenarioTeamParametersSchema>;

/**
 * A scenario: the baseline plus dated events (applied in date order, ties in list order) and,
 * optionally, parameters per team id for the whole horizon.
 */
export const scenarioSchema = z
  .object({
    name: displayName,
    description: z.string().max(2000, { error: 'must be at most 2000 characters' }).optional(),
    events: z.array(scenarioEventSchema).max(500, { error: 'must list at most 500 events' }).default([]),
    teamParameters: z.record(identifier, scenarioTeamParametersSchema).optional(),
  })
  .strict();

export type Scenario = z.infer<typeof scenarioSchema>;
export type ScenarioInput = z.input<typeof scenarioSchema>;
