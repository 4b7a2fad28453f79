import { z } from 'zod';

/** One team's row of the capacity report (see README, "Capacity report columns"). */
export const capacityRowSchema = z
  .object({
    team: z.string(),
    teamId: z.string(),
    headcountNow: z.record(z.string(), z.number()).meta({ description: 'Roster today per level' }),
    headcountAtHorizon: z.record(z.string(), z.number()).meta({ description: 'P50 in the last week' }),
    signoffDemandPerWeek: z.number(),
    signoffCapacityPerWeek: z.number(),
    utilization: z.number(),
    backlogP50: z.number(),
    backlogP90: z.number(),
    firstBreachWeek: z.string(),
    firstBreachMetric: z.string(),
    firstBreachThreshold: z
      .number()
      .nullable()
      .optional()
      .meta({ description: 'The threshold crossed (null when nothing breaches)' }),
    firstBreachValue: z
      .number()
      .nullable()
      .optional()
      .meta({ description: 'The P50 value that crossed it (null when nothing breaches)' }),
    burnoutRisk: z.number(),
    reviewersToday: z.number().optional(),
    reviewersNeeded: z.number(),
    reviewerGap: z.number(),
    maxLayoffPercent: z.number().nullable().optional().meta({
      description:
        'Largest whole percent of sign-off reviewers the team absorbs without a breach (null: none)',
    }),
    modelError: z.string().meta({
      description:
        "How wrong the model has been for the team (its accepted calibration's backtest), or that it is not calibrated",
    }),
  })
  .meta({ id: 'CapacityRow' });

/** One team in one week (`?grain=week`). */
export const capacityWeekRowSchema = z
  .object({
    team: z.string(),
    teamId: z.string(),
    week: z.string(),
    headcount: z.record(z.string(), z.number()),
    reviewers: z.number(),
    signoffDemand: z.number(),
    signoffCapacity: z.number(),
    utilization: z.number(),
    backlogP50: z.number(),
    backlogP90: z.number(),
    p90WaitHours: z.number(),
    serviceLevel: z.number(),
    burnoutRiskP50: z.number(),
    burnoutRiskP90: z.number(),
  })
  .meta({ id: 'CapacityWeekRow' });

/** The organisation's figures of the report (grain team), read on the same run as its rows. */
export const capacityOrgSchema = z
  .object({
    peakBurnoutP50: z
      .number()
      .meta({ description: 'Highest weekly P50 of the org burnout risk (index 0-100)' }),
    peakBurnoutWeek: z.string().meta({ description: 'The first week (Monday) at that peak' }),
  })
  .meta({ id: 'CapacityOrg' });

export type CapacityOrg = z.infer<typeof capacityOrgSchema>;

/**
 * The org's peak P50 burnout risk and the first week at it: the figure the Dashboard's headline
 * and the report both show (issue #14: one figure, one percentile, everywhere).
 */
export function orgPeakBurnout(forecast: {
  weeks: readonly string[];
  org: { metrics: { burnoutRisk: { p50: ArrayLike<number> } } };
}): CapacityOrg {
  const p50 = forecast.org.metrics.burnoutRisk.p50;
  let at = 0;
  for (let week = 1; week < p50.length; week++) if (p50[week]! > p50[at]!) at = week;
  return { peakBurnoutP50: p50[at] ?? 0, peakBurnoutWeek: forecast.weeks[at] ?? '' };
}

/** What every report says of the stored run it reads: scenario version, horizon, runs, when and which run. */
export const reportHeadSchema = z.object({
  scenario: z.object({ id: z.string(), name: z.string(), version: z.number().int() }),
  horizon: z.number().int(),
  runs: z.number().int().meta({ description: 'Monte Carlo runs of the forecast read (0: the mean path)' }),
  generatedAt: z.string(),
  runId: z.string(),
});

/** GET /orgs/{org}/reports/capacity as JSON: one row per team, or per team and week. */
export const capacityReportSchema = reportHeadSchema
  .extend({
    grain: z.enum(['team', 'week']),
    org: capacityOrgSchema
      .optional()
      .meta({ description: "Grain team: the organisation's figures, read on the same run as the rows" }),
    rows: z.union([z.array(capacityRowSchema), z.array(capacityWeekRowSchema)]),
    nextCursor: z
      .string()
      .nullable()
      .optional()
      .meta({ description: 'Grain week: the cursor of the next page of teams (null on the last)' }),
  })
  .meta({ id: 'CapacityReport' });

export type CapacityRow = z.infer<typeof capacityRowSchema>;
export type CapacityWeekRow = z.infer<typeof capacityWeekRowSchema>;
export type CapacityReport = z.infer<typeof capacityReportSchema>;
/** The report by team (`grain=team`, the default). */
export type TeamCapacityReport = Omit<CapacityReport, 'grain' | 'rows'> & {
  grain: 'team';
  rows: CapacityRow[];
};
