import { z } from 'zod';

/** How wrong the model has been for one metric at one horizon of a stored calibration's backtest. */
export const metricErrorSchema = z.object({
  /** Median absolute percentage error (symmetric when an actual was 0); null: no points. */
  medianError: z.number().nullable(),
  /** Share of actuals inside the P10-P90 band. */
  coverage: z.number().nullable(),
});

/**
 * One team's model-error line beside a forecast: `calibrated` from the calibration the scenario
 * accepted for it (its backtest at the longest reported horizon within the forecast's),
 * `by-hand` when the scenario sets its parameters without a calibration, `uncalibrated` otherwise.
 */
export const modelErrorSchema = z
  .object({
    teamId: z.string(),
    team: z.string(),
    status: z.enum(['calibrated', 'by-hand', 'uncalibrated']),
    calibrationId: z.string().nullable(),
    /** Weeks ahead the figures are for (null unless calibrated). */
    horizonWeeks: z.number().int().nullable(),
    /** Longest horizon the backtest tested (null unless calibrated). */
    testedWeeks: z.number().int().nullable(),
    metrics: z.record(z.string(), metricErrorSchema),
    text: z.string(),
  })
  .meta({ id: 'ModelError' });

export type ModelError = z.infer<typeof modelErrorSchema>;
