import { z } from 'zod';

const hours = z.number().nullable();

/** One team, level and week of imported review history: what the weekly aggregation counts. */
export const weeklyCountsSchema = z.object({
  week: z.string().meta({ description: "The week's Monday, YYYY-MM-DD" }),
  team: z.string(),
  level: z.string(),
  authored: z.number().int(),
  aiAssisted: z.number().int(),
  signedOff: z.number().int(),
  open: z.number().int().meta({ description: 'Authored before the week’s end and not signed off by then' }),
  medianHoursToFirstReview: hours,
  p90HoursToFirstReview: hours,
  medianHoursToSignoff: hours,
  p90HoursToSignoff: hours,
  lines: z.number().int(),
});

/** A row of GET /history/weekly: the week's counts and how concentrated its sign-offs were. */
export const historyWeekSchema = weeklyCountsSchema
  .extend({
    top1Share: z
      .number()
      .nullable()
      .meta({ description: 'Share of the week’s sign-offs by its top reviewer' }),
    top3Share: z
      .number()
      .nullable()
      .meta({ description: 'Share of the week’s sign-offs by its top 3 reviewers' }),
  })
  .meta({ id: 'HistoryWeek' });

export type WeeklyCounts = z.infer<typeof weeklyCountsSchema>;
export type HistoryWeek = z.infer<typeof historyWeekSchema>;
