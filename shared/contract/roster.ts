import { z } from 'zod';

/** How a roster file applies: the whole roster (`replace`) or added to it (`merge`). */
export const rosterModeSchema = z.enum(['merge', 'replace'], { error: 'must be merge or replace' });

/** People counts of a roster change. */
export const rosterPeopleSchema = z.object({
  added: z.number().int(),
  moved: z.number().int(),
  levelChanged: z.number().int(),
  removed: z.number().int(),
  unchanged: z.number().int(),
});

const headcount = z.record(z.string(), z.number().int());

/** POST /orgs/{org}/roster/preview: what an import would change. */
export const rosterPreviewSchema = z
  .object({
    mode: rosterModeSchema,
    rows: z.number().int(),
    people: rosterPeopleSchema,
    teams: z.array(
      z.object({
        name: z.string(),
        status: z.enum(['new', 'changed', 'emptied']),
        before: headcount,
        after: headcount,
        joining: z.number().int(),
        leaving: z.number().int(),
      }),
    ),
    samples: z.object({
      added: z.array(z.object({ employeeId: z.string(), team: z.string(), level: z.string() })),
      moved: z.array(z.object({ employeeId: z.string(), from: z.string(), to: z.string() })),
      levelChanged: z.array(
        z.object({ employeeId: z.string(), team: z.string(), from: z.string(), to: z.string() }),
      ),
      removed: z.array(z.object({ employeeId: z.string(), team: z.string(), level: z.string() })),
    }),
  })
  .meta({ id: 'RosterPreview' });

/** POST /orgs/{org}/roster/import on success. */
export const rosterImportSchema = z.object({
  imported: z.number().int(),
  teams: z.number().int(),
  teamsCreated: z.number().int(),
  mode: rosterModeSchema,
  people: rosterPeopleSchema,
});

export type RosterMode = z.infer<typeof rosterModeSchema>;
export type RosterPreview = z.infer<typeof rosterPreviewSchema>;
export type RosterImport = z.infer<typeof rosterImportSchema>;
