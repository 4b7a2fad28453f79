import { z } from 'zod';
import { boundedNumber, displayName, identifier } from './fields';
import { rangeSchema } from './parameters';

/**
 * Highest changes per engineer-week a ladder level or a team's rate (also a calibration's fitted
 * rate) may take: an input check, not a model default; about 7 times the 80th percentile of
 * 7 a week [R20], so a rate typed per month or per team is caught.
 */
export const MAX_CHANGES_PER_WEEK = 50;

/**
 * One rung of the level ladder. `canSignOff`: may approve changes that need senior sign-off.
 * `changesPerWeek`: changes a non-AI-adopting engineer at this level authors per week.
 */
export const levelSchema = z
  .object({
    id: identifier,
    name: displayName.optional(),
    canSignOff: z.boolean({ error: 'must be true or false' }),
    changesPerWeek: boundedNumber(0, MAX_CHANGES_PER_WEEK),
  })
  .strict();

export type Level = z.infer<typeof levelSchema>;

/**
 * A team's own changes per week of a non-AI-adopting engineer, per level id, in place of the
 * ladder's `changesPerWeek` (e.g. fitted by a calibration); levels left out keep the ladder's.
 */
export const teamChangeRatesSchema = z.record(identifier, boundedNumber(0, MAX_CHANGES_PER_WEEK));

export type TeamChangeRates = z.infer<typeof teamChangeRatesSchema>;

/**
 * Uncertainty of a team's change rates, per level id: [low, high] multipliers of the level's rate
 * (e.g. a calibration's bootstrap range), drawn per Monte Carlo run like a parameter's range;
 * levels left out are fixed.
 */
export const teamChangeRateRangesSchema = z.record(identifier, rangeSchema);

export type TeamChangeRateRanges = z.infer<typeof teamChangeRateRangesSchema>;

/**
 * The ladder rules every ladder keeps: level ids unique and at least one level that may sign off.
 * Issues go to `path` (the ladder's own path inside the object checked).
 */
export function checkLadder(levels: readonly Level[], ctx: z.RefinementCtx, path: (string | number)[]): void {
  const ids = new Set<string>();
  levels.forEach((level, i) => {
    if (ids.has(level.id))
      ctx.addIssue({ code: 'custom', path: [...path, i, 'id'], message: `duplicate level id "${level.id}"` });
    ids.add(level.id);
  });
  if (!levels.some((level) => level.canSignOff)) {
    ctx.addIssue({ code: 'custom', path, message: 'at least one level must be able to sign off' });
  }
}

/** A level ladder on its own, most junior first: 1-12 levels under {@link checkLadder}. */
export const ladderSchema = z
  .array(levelSchema)
  .min(1, { error: 'must list at least one level' })
  .max(12, { error: 'must list at most 12 levels' })
  .superRefine((levels, ctx) => checkLadder(levels, ctx, []));

/**
 * Default ladder: junior, mid, senior, principal; senior and principal may sign off [R42].
 * Authoring rates around the median of 3 changes per developer-week [R20]; principals author
 * fewer (more design and review time, [R25]), juniors slightly fewer (smaller scope).
 */
export const defaultLevels: readonly Level[] = [
  { id: 'junior', name: 'Junior', canSignOff: false, changesPerWeek: 2.5 },
  { id: 'mid', name: 'Mid-level', canSignOff: false, changesPerWeek: 3 },
  { id: 'senior', name: 'Senior', canSignOff: true, changesPerWeek: 3 },
  { id: 'principal', name: 'Principal', canSignOff: true, changesPerWeek: 2 },
];
