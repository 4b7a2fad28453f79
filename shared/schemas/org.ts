import { z } from 'zod';
import { boundedInt, displayName, identifier } from './fields';
import {
  checkLadder,
  defaultLevels,
  levelSchema,
  teamChangeRateRangesSchema,
  teamChangeRatesSchema,
} from './levels';
import { parameterOverridesSchema } from './parameters';

/**
 * A team: headcount per level id (levels left out have nobody) and, optionally, its own
 * parameters laid over the org's, its own changes per week per level over the ladder's and those
 * rates' uncertainty ranges (e.g. from a calibration); teams without them keep the org's, with
 * the ladder's rates fixed.
 */
export const teamSchema = z
  .object({
    id: identifier,
    name: displayName,
    headcount: z.record(identifier, boundedInt(0, 10_000)),
    parameters: parameterOverridesSchema.optional(),
    changesPerWeek: teamChangeRatesSchema.optional(),
    changesPerWeekRanges: teamChangeRateRangesSchema.optional(),
  })
  .strict();

export type Team = z.infer<typeof teamSchema>;

/** Adds an issue at `path`.<id> for each id of `ids` that is not a level of the ladder. */
export const checkLevelIds = (
  ids: readonly string[],
  levelIds: ReadonlySet<string>,
  ctx: z.RefinementCtx,
  path: (string | number)[],
) => {
  for (const id of ids) {
    if (!levelIds.has(id))
      ctx.addIssue({ code: 'custom', path: [...path, id], message: `unknown level "${id}"` });
  }
};

const duplicateIssue = (ctx: z.RefinementCtx, path: (string | number)[], what: string, id: string) =>
  ctx.addIssue({ code: 'custom', path, message: `duplicate ${what} id "${id}"` });

/** The organisation: its level ladder (default {@link defaultLevels}) and its teams. */
export const orgSchema = z
  .object({
    name: displayName.optional(),
    levels: z
      .array(levelSchema)
      .min(1, { error: 'must list at least one level' })
      .max(12, { error: 'must list at most 12 levels' })
      .default(() => defaultLevels.map((level) => ({ ...level }))),
    teams: z
      .array(teamSchema)
      .min(1, { error: 'must list at least one team' })
      .max(20_000, { error: 'must list at most 20000 teams' }),
  })
  .strict()
  .superRefine((org, ctx) => {
    checkLadder(org.levels, ctx, ['levels']);
    const levelIds = new Set(org.levels.map((level) => level.id));
    const teamIds = new Set<string>();
    org.teams.forEach((team, i) => {
      if (teamIds.has(team.id)) duplicateIssue(ctx, ['teams', i, 'id'], 'team', team.id);
      teamIds.add(team.id);
      for (const field of ['headcount', 'changesPerWeek', 'changesPerWeekRanges'] as const) {
        checkLevelIds(Object.keys(team[field] ?? {}), levelIds, ctx, ['teams', i, field]);
      }
    });
  });

export type Org = z.infer<typeof orgSchema>;
export type OrgInput = z.input<typeof orgSchema>;
