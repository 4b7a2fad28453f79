import { z } from 'zod';
import { thresholdsSchema } from '../schemas/options';

/** GET /orgs/{org}/thresholds: the org's breach thresholds, the defaults and where each default comes from. */
export const orgThresholdsSchema = z
  .object({
    thresholds: thresholdsSchema,
    defaults: thresholdsSchema,
    custom: z.boolean().meta({ description: 'Whether the org stored its own (else the defaults)' }),
    updatedAt: z.string().nullable(),
    info: z.array(
      z.object({
        key: thresholdsSchema.keyof(),
        label: z.string(),
        unit: z.string(),
        breachWhen: z.enum(['above', 'below', 'target']),
        source: z.string(),
      }),
    ),
  })
  .meta({ id: 'OrgThresholds' });

export type OrgThresholds = z.infer<typeof orgThresholdsSchema>;
