import { z } from 'zod';
import { boundedNumber, displayName, identifier } from './fields';

/**
 * One rung of the level ladder. `canSignOff`: may approve changes that need senior sign-off.
 * `changesPerWeek`: changes a non-AI-adopting engineer at this level authors per week.
 */
export const levelSchema = z
  .object({
    id: identifier,
    name: displayName.optional(),
    canSignOff: z.boolean({ error: 'must be true or false' }),
    changesPerWeek: boundedNumber(0, 50),
  })
  .strict();

export type Level = z.infer<typeof levelSchema>;

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
