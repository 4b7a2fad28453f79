import { z } from 'zod';

/** People per seniority level id, e.g. `{ "L3": 4, "L5": 2 }`. */
export const headcountSchema = z.record(
  z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, { error: 'must be a level id' }),
  z.number({ error: 'must be a number' }).int({ error: 'must be a whole number' }).min(0).max(10_000),
);

export const teamSchema = z
  .object({ id: z.string(), name: z.string(), parentId: z.string().nullable(), headcount: headcountSchema })
  .meta({ id: 'Team' });

/** GET /orgs/{org}/teams/{id}/deletion: what deleting the team would do. */
export const teamDeletionSchema = z
  .object({
    team: z.object({ id: z.string(), name: z.string(), headcount: headcountSchema }),
    engineers: z
      .number()
      .int()
      .meta({ description: 'People on the roster in the team: deleted, or moved with moveEngineersTo' }),
    childTeams: z
      .array(z.object({ id: z.string(), name: z.string() }))
      .meta({ description: 'They stay, without a parent' }),
    scenarios: z.array(z.object({ id: z.string(), name: z.string(), planOfRecord: z.boolean() })).meta({
      description:
        'Scenarios whose latest version names the team: the delete is refused (409) until none does',
    }),
    alertRules: z.array(z.object({ id: z.string(), name: z.string(), paused: z.boolean() })).meta({
      description: 'Rules watching the team: it leaves their list; `paused` when it was their only team',
    }),
  })
  .meta({ id: 'TeamDeletion' });

export type Team = z.infer<typeof teamSchema>;
export type TeamDeletion = z.infer<typeof teamDeletionSchema>;
