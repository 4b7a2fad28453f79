import { z } from 'zod';
import { boundedInt, boundedNumber, isoDate } from './fields';

/** Thresholds for the first-breach answers (and the service-level objective). */
export const thresholdsSchema = z
  .object({
    /** Target wait in working hours: two working days; [R23] medians of 17-24 h elapsed at large companies. */
    targetWaitHours: boundedNumber(0.1, 1000).default(16),
    /** Service-level objective (0-1): share of sign-offs within targetWaitHours; 80/20 convention. */
    serviceLevel: boundedNumber(0, 0.999).default(0.8),
    /** P90 wait limit, working hours: one working week; [R27] dissatisfaction once P75 passes 24 h. */
    p90WaitHours: boundedNumber(0.1, 10_000).default(40),
    /** Backlog limit in weeks of capacity: design brief's example alert (2 weeks). */
    backlogWeeks: boundedNumber(0, 260).default(2),
    /** Utilisation limit (0-10): occupancy cap 0.85 of the calibration check values. */
    utilization: boundedNumber(0, 10).default(0.85),
    /** Burnout risk limit (0-100). */
    burnoutRisk: boundedNumber(0, 100).default(50),
  })
  .strict();

export type Thresholds = z.infer<typeof thresholdsSchema>;

/** Run options: start week (ISO date; its ISO week's Monday), horizon, Monte Carlo runs, seed. */
export const runOptionsSchema = z
  .object({
    startWeek: isoDate,
    horizonWeeks: boundedInt(1, 260).default(52),
    /** 0 = deterministic mean path. */
    runs: boundedInt(0, 10_000).default(0),
    seed: boundedInt(0, 4_294_967_295).default(1),
    thresholds: thresholdsSchema.default(() => thresholdsSchema.parse({})),
  })
  .strict();

export type RunOptions = z.infer<typeof runOptionsSchema>;
export type RunOptionsInput = z.input<typeof runOptionsSchema>;

/** Some thresholds to change, with the same bounds and no defaults (omitted keys stay as they are). */
export const thresholdsPatchSchema = z
  .strictObject(
    Object.fromEntries(
      Object.entries(thresholdsSchema.shape).map(([key, field]) => [key, field.unwrap().optional()]),
    ) as { [K in keyof Thresholds]: z.ZodOptional<ReturnType<(typeof thresholdsSchema.shape)[K]['unwrap']>> },
  )
  .refine((patch) => Object.keys(patch).length > 0, { error: 'give at least one threshold' });
