import { z } from 'zod';
import { boundedInt, boundedNumber, identifier, isoDate } from './fields';

const teamIds = z.array(identifier).min(1, { error: 'must list at least one team (omit for all teams)' });
const common = { id: z.string().max(64).optional(), date: isoDate, note: z.string().max(500).optional() };

/** Staff leave at the event's week: `percent` (0-100) or `count` per team; all levels unless `level`. */
export const layoffEventSchema = z
  .object({
    ...common,
    type: z.literal('layoff'),
    teamIds: teamIds.optional(),
    level: identifier.optional(),
    percent: boundedNumber(0, 100).optional(),
    count: boundedInt(0, 10_000).optional(),
  })
  .strict()
  .refine((e) => (e.percent === undefined) !== (e.count === undefined), {
    path: ['percent'],
    error: 'give exactly one of percent or count',
  });

/** New hires join one team at one level; productivity ramps linearly over `rampWeeks`. */
export const hireEventSchema = z
  .object({
    ...common,
    type: z.literal('hire'),
    teamId: identifier,
    level: identifier,
    count: boundedInt(1, 10_000),
    rampWeeks: boundedInt(0, 104).default(12), // assumption: about a quarter to full productivity
  })
  .strict();

/** AI adoption (share of engineers) moves from its current value to `targetPercent` over `rampWeeks`. */
export const aiAdoptionEventSchema = z
  .object({
    ...common,
    type: z.literal('ai-adoption'),
    teamIds: teamIds.optional(),
    levels: z.array(identifier).min(1, { error: 'must list at least one level (omit for all)' }).optional(),
    targetPercent: boundedNumber(0, 100),
    rampWeeks: boundedInt(1, 260).default(26),
    shape: z.enum(['linear', 's-curve'], { error: 'must be "linear" or "s-curve"' }).default('s-curve'),
  })
  .strict();

const policyCell = z
  .object({
    ai: z.boolean({ error: 'must be true or false' }),
    human: z.boolean({ error: 'must be true or false' }),
  })
  .strict();

/**
 * From its date, replaces the review policy: for each author level, whether AI-assisted (`ai`) and
 * human-written (`human`) changes need sign-off by a level that can sign off. Levels not listed
 * need none. Before any such event no change needs sign-off.
 */
export const reviewPolicyEventSchema = z
  .object({ ...common, type: z.literal('review-policy'), rules: z.record(identifier, policyCell) })
  .strict();

/** `count` engineers of one team move from `fromLevel` to `toLevel` (capped at those present). */
export const promotionEventSchema = z
  .object({
    ...common,
    type: z.literal('promotion'),
    teamId: identifier,
    fromLevel: identifier,
    toLevel: identifier,
    count: boundedInt(1, 10_000),
  })
  .strict();

/** A tool changes review time by `reviewTimePercent` (-90..200; -20 = 20% faster), cumulative. */
export const toolEffectEventSchema = z
  .object({
    ...common,
    type: z.literal('tool-effect'),
    teamIds: teamIds.optional(),
    reviewTimePercent: boundedNumber(-90, 200),
    appliesTo: z.enum(['ai', 'human', 'all'], { error: 'must be "ai", "human" or "all"' }).default('all'),
  })
  .strict();

/** In the event's week each engineer (of `level`, or all) leaves with probability `percent`/100. */
export const attritionShockEventSchema = z
  .object({
    ...common,
    type: z.literal('attrition-shock'),
    teamIds: teamIds.optional(),
    level: identifier.optional(),
    percent: boundedNumber(0, 100),
  })
  .strict();

/** A dated scenario event, discriminated on `type`. */
export const scenarioEventSchema = z.discriminatedUnion(
  'type',
  [
    layoffEventSchema,
    hireEventSchema,
    aiAdoptionEventSchema,
    reviewPolicyEventSchema,
    promotionEventSchema,
    toolEffectEventSchema,
    attritionShockEventSchema,
  ],
  {
    error:
      'must have a type of layoff, hire, ai-adoption, review-policy, promotion, tool-effect or attrition-shock',
  },
);

export type ScenarioEvent = z.infer<typeof scenarioEventSchema>;
export type ScenarioEventInput = z.input<typeof scenarioEventSchema>;
export const eventTypes = scenarioEventSchema.options.map((o) => o.shape.type.value);
