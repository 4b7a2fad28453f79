import { z } from 'zod';

/** problem+json (RFC 9457) as every error response; `errors` names each field (or CSV line and column) at fault. */
export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    errors: z
      .array(
        z.object({
          path: z.string().optional(),
          line: z.number().int().optional(),
          column: z.string().optional(),
          message: z.string(),
        }),
      )
      .optional(),
    instance: z.string(),
  })
  .meta({ id: 'Problem' });
