import { z } from 'zod';
import { breachMetrics } from '../engine/forecast';
import type { TeamAnswer } from '../engine/team-answers';
import { reportHeadSchema } from './capacity-report';
import { forecastSchema } from './forecast-run';

/**
 * Orgs of more than this many teams are large: the Dashboard reads their compact view (GET
 * .../reports/dashboard) instead of the whole run, and the view of a run not stored yet is
 * computed by a background job (202 with the job) rather than within the request.
 */
export const largeOrgTeams = 200;

/** Most rows of a grouped burnout heat map (`groups`); the Dashboard asks for the default. */
export const maxBurnoutGroups = 200;
/** Rows of the Dashboard's grouped burnout heat map: each about 10 px, so the map stays about as tall as 50 teams. */
export const defaultBurnoutGroups = 50;

/** One team's answers as a row of the team answers table (every figure on P50 unless its column says). */
export const answerRowSchema = z
  .object({
    teamId: z.string(),
    team: z.string(),
    breach: z
      .object({ date: z.string(), metric: z.enum(breachMetrics), threshold: z.number(), value: z.number() })
      .nullable(),
    reviewersToday: z.number(),
    reviewersNeeded: z.number(),
    reviewersToAdd: z.number(),
    maxLayoffPercent: z.number().nullable(),
    peakBurnout: z.number(),
  })
  .meta({ id: 'AnswerRow' });

export type AnswerRow = z.infer<typeof answerRowSchema>;

/** A run's per-team answer as a table row. */
export const rowOfAnswer = (a: TeamAnswer): AnswerRow => ({
  teamId: a.teamId,
  team: a.team,
  breach: a.firstBreach && {
    date: a.firstBreach.date,
    metric: a.firstBreach.metric,
    threshold: a.firstBreach.threshold,
    value: a.firstBreach.value,
  },
  reviewersToday: a.reviewersToday,
  reviewersNeeded: a.reviewersNeeded,
  reviewersToAdd: a.reviewersToAdd,
  maxLayoffPercent: a.maxLayoffPercent,
  peakBurnout: a.peakBurnout,
});

/** One row of the grouped burnout heat map: a range of teams ranked by peak P50 burnout. */
export const burnoutGroupSchema = z
  .object({
    label: z.string().meta({ description: '"Ranks 1-200", or the team\'s name for a group of one' }),
    firstRank: z
      .number()
      .int()
      .meta({ description: 'Rank of its first team by peak P50 burnout (1: highest)' }),
    teams: z.number().int(),
    top: z
      .object({ name: z.string(), peak: z.number() })
      .meta({ description: 'Its team of highest peak P50 burnout (the first ranked)' }),
    p90: z.array(z.number()).meta({
      description: "Per week: P90 (nearest rank) of its teams' P50 burnout risk, index 0-100",
    }),
    max: z.array(z.number()).meta({ description: "Per week: the highest of its teams' P50 burnout risk" }),
  })
  .meta({ id: 'BurnoutGroup' });

export type BurnoutGroup = z.infer<typeof burnoutGroupSchema>;

/** GET /orgs/{org}/reports/dashboard: a stored run without its teams, and what the Dashboard shows of them. */
export const dashboardViewSchema = reportHeadSchema
  .extend({
    forecast: forecastSchema.omit({ teams: true }).meta({
      description: 'The stored forecast without its teams: weeks, levels, org bands and breaches',
    }),
    teams: z
      .object({
        teamCount: z.number().int(),
        teamsAtRisk: z.number().int().meta({ description: 'Teams that breach a threshold (P50)' }),
        firstBreach: z
          .object({ week: z.number().int(), date: z.string(), metric: z.enum(breachMetrics) })
          .nullable()
          .meta({ description: 'The earliest breach of any team (P50)' }),
      })
      .meta({ description: 'Tally of the teams for the headline' }),
    reviewersNeeded: z
      .number()
      .meta({ description: "Sign-off reviewers needed at each team's peak week, summed over teams" }),
    burnoutGroups: z.array(burnoutGroupSchema).meta({
      description:
        'Teams ranked by peak P50 burnout (ties: forecast order), cut into at most `groups` ranges',
    }),
    answers: z.array(answerRowSchema).meta({
      description: 'Per-team answers (empty for runs stored before they were added)',
    }),
  })
  .meta({ id: 'DashboardView' });

export type DashboardView = z.infer<typeof dashboardViewSchema>;

/** Sign-off reviewers needed at each team's peak week in a stored run's summary, summed over teams. */
export const storedReviewersNeeded = (summary: {
  reviewersNeeded: readonly { reviewersNeeded: number }[];
}): number => summary.reviewersNeeded.reduce((sum, team) => sum + team.reviewersNeeded, 0);
