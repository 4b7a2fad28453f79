import { z } from 'zod';

/** Forecast error of one metric (over all horizons, or at one). */
export const errorScoreSchema = z.object({
  points: z.number(),
  mape: z.number().nullable(),
  mapeKind: z.enum(['mape', 'smape']),
  medianError: z.number().nullable().optional().meta({ description: 'Median of the same errors as mape' }),
  mase: z.number().nullable(),
  coverage: z.number().nullable(),
});

/** One backtest origin's forecast beside what happened. */
export const backtestFanSchema = z.object({
  origin: z.string(),
  weeks: z.array(z.string()),
  metrics: z.record(
    z.string(),
    z.object({
      mean: z.array(z.number()),
      p10: z.array(z.number()),
      p90: z.array(z.number()),
      actual: z.array(z.number().nullable()),
    }),
  ),
});

/** A stored calibration, as POST/GET /calibrations and the CLI give it (the JSON shape, plus id and provenance). */
export const calibrationSchema = z
  .object({
    id: z.string(),
    team: z.string().nullable(),
    fitted: z.record(z.string(), z.object({ value: z.number(), low: z.number(), high: z.number() })),
    fitWeeks: z
      .number()
      .optional()
      .meta({ description: 'Weeks the fit read: the last 52 of the history (all when fewer)' }),
    defaults: z.array(z.string()).meta({
      description: "Engine parameters the history cannot inform, left at the org's values",
    }),
    backtest: z.object({
      origins: z.number(),
      horizonWeeks: z.number(),
      metrics: z.record(
        z.string(),
        errorScoreSchema.extend({ byHorizon: z.record(z.string(), errorScoreSchema) }),
      ),
      fan: backtestFanSchema
        .nullable()
        .meta({ description: 'The latest origin whose whole horizon has happened: forecast and actuals' }),
      fans: z.array(backtestFanSchema).optional().meta({
        description: 'Every origin, oldest first (actual null for weeks not yet in the history)',
      }),
    }),
    actuals: z.array(
      z.object({
        week: z.string(),
        authored: z.number(),
        aiAssisted: z.number(),
        signoffDemand: z.number(),
        signoffsCompleted: z.number(),
        open: z.number(),
        medianHoursToSignoff: z.number().nullable(),
      }),
    ),
    provenance: z.object({
      changes: z.number(),
      from: z.string().nullable(),
      to: z.string().nullable(),
      engineVersion: z.string(),
      createdAt: z.string(),
      partialWeek: z.string().nullable().optional().meta({
        description:
          "Monday of the history's final week, left out of the actuals, the fit and the backtest: it ends after the history's last event, so it is partial",
      }),
    }),
  })
  .meta({ id: 'Calibration' });

export type ErrorScore = z.infer<typeof errorScoreSchema>;
export type BacktestFan = z.infer<typeof backtestFanSchema>;
export type Calibration = z.infer<typeof calibrationSchema>;
