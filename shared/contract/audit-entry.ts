import { z } from 'zod';

/** One audit entry as the API gives it (GET /orgs/{org}/audit). */
export const auditEntrySchema = z
  .object({
    id: z.string(),
    at: z.string(),
    actor: z.string().meta({ description: '`user:<id>`, `token:<id>` or `system`' }),
    actorName: z.string().nullable().meta({ description: 'The user’s email or the token’s name' }),
    action: z.string(),
    entity: z.string(),
    entityId: z.string().nullable(),
    before: z.unknown(),
    after: z.unknown(),
  })
  .meta({ id: 'AuditEntry' });

export type AuditEntry = z.infer<typeof auditEntrySchema>;
