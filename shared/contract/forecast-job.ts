import { z } from 'zod';

/** A background forecast (POST /orgs/{org}/scenarios/{id}/forecast-jobs) as the API shows it. */
export const forecastJobSchema = z
  .object({
    id: z.string(),
    scenarioId: z.string(),
    status: z.enum(['queued', 'running', 'done', 'failed']),
    done: z.number().int().meta({ description: 'Slices finished' }),
    total: z.number().int().meta({ description: 'Slices planned (0 until the engine starts)' }),
    runId: z.string().nullable().meta({ description: 'The stored run once done' }),
    error: z.record(z.string(), z.unknown()).nullable(),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .meta({ id: 'ForecastJob' });

export type ForecastJob = z.infer<typeof forecastJobSchema>;
