import { z } from 'zod';
import { breachMetrics } from '../engine/forecast';
import { bandedMetricKeys } from '../engine/metrics';
import { runOptionsSchema } from '../schemas/options';
import { modelErrorSchema } from './model-error';

/** An object with one property per key, each of `schema` (keys from the engine's own lists). */
const objectOf = <K extends string, S extends z.ZodType>(keys: readonly K[], schema: S) =>
  z.object(Object.fromEntries(keys.map((key) => [key, schema])) as Record<K, S>);

const series = z.array(z.number());

/** One metric over the forecast weeks: P10/P50/P90 arrays as long as `weeks`. */
export const bandSchema = z
  .object({ p10: series, p50: series, p90: series })
  .meta({ id: 'Band', description: 'P10/P50/P90 of one metric per forecast week (equal on the mean path)' });

/** First week a threshold is crossed (week index and its Monday), or null when it holds. */
export const breachSchema = z
  .object({ week: z.number().int(), date: z.string() })
  .nullable()
  .meta({ id: 'Breach' });

export const breachesSchema = objectOf(breachMetrics, breachSchema).meta({ id: 'Breaches' });

/** Every banded engine metric as a band, plus headcount by level id. */
export const metricBandsSchema = objectOf(bandedMetricKeys, bandSchema)
  .extend({ headcount: z.record(z.string(), bandSchema) })
  .meta({ id: 'MetricBands' });

export const teamForecastSchema = z
  .object({ id: z.string(), name: z.string(), metrics: metricBandsSchema, breaches: breachesSchema })
  .meta({ id: 'TeamForecast' });

/** The engine's Forecast (shared/engine/forecast.ts) as the API sends it. */
export const forecastSchema = z
  .object({
    engineVersion: z.string(),
    mode: z.enum(['mean', 'monte-carlo']),
    runs: z.number().int(),
    seed: z.number().int(),
    weeks: z.array(z.string()).meta({ description: 'ISO dates (Mondays) of the forecast weeks' }),
    levels: z.array(z.string()),
    teams: z.array(teamForecastSchema),
    org: z.object({ metrics: metricBandsSchema, breaches: breachesSchema }),
  })
  .meta({ id: 'Forecast' });

const driverSchema = z.object({ today: z.number(), later: z.number() });

/** One team's answers (shared/engine/team-answers.ts), every figure read on P50. */
export const teamAnswerSchema = z
  .object({
    teamId: z.string(),
    team: z.string(),
    firstBreach: z
      .object({
        week: z.number().int(),
        date: z.string(),
        metric: z.enum(breachMetrics),
        threshold: z.number(),
        value: z.number().meta({ description: 'P50 value in the breach week' }),
      })
      .nullable(),
    reviewersToday: z.number(),
    reviewersNeeded: z.number().int(),
    reviewersToAdd: z.number().int(),
    peakDate: z.string(),
    maxLayoffPercent: z.number().int().nullable().meta({
      description: 'Largest layoff of sign-off reviewers (percent) with no breach; null: breaches anyway',
    }),
    peakBurnout: z.number(),
    peakBurnoutDate: z.string(),
    drivers: z.object({
      signoffDemand: driverSchema,
      aiSignoffDemand: driverSchema,
      reviewers: driverSchema,
      hoursPerChange: driverSchema,
    }),
  })
  .meta({ id: 'TeamAnswer' });

/** The server's answers about a run: first breaches, teams at risk, reviewers needed and today. */
export const forecastSummarySchema = z
  .object({
    firstBreaches: breachesSchema,
    teamsAtRisk: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        firstBreach: z.object({ date: z.string(), metric: z.string() }),
      }),
    ),
    reviewersNeeded: z.array(
      z.object({
        teamId: z.string(),
        name: z.string(),
        peakWeek: z.number().int(),
        peakDate: z.string(),
        reviewersPresent: z.number(),
        reviewersNeeded: z.number(),
        shortfall: z.number(),
      }),
    ),
    reviewersToday: z.number(),
    teams: z
      .array(teamAnswerSchema)
      .optional()
      .meta({ description: 'Per-team answers (absent from runs stored before they were added)' }),
    modelError: z
      .array(modelErrorSchema)
      .optional()
      .meta({ description: 'Per team, how wrong the model has been (runs stored before it lack it)' }),
  })
  .meta({ id: 'ForecastSummary' });

/** POST /orgs/{org}/scenarios/{id}/forecast and GET /orgs/{org}/forecasts/{runId}. */
export const forecastRunSchema = z
  .object({
    id: z.string(),
    scenarioId: z.string(),
    version: z.number().int(),
    options: runOptionsSchema,
    cached: z.boolean(),
    createdAt: z.string(),
    summary: forecastSummarySchema,
    forecast: forecastSchema,
  })
  .meta({ id: 'ForecastRun' });

export type ForecastSummary = z.infer<typeof forecastSummarySchema>;
export type ForecastRun = z.infer<typeof forecastRunSchema>;
