import { createRoute, z } from '@hono/zod-openapi';
import { sql } from 'drizzle-orm';
import type { AppDeps } from '../deps';
import { ProblemError } from '../errors';
import { createRouter } from '../openapi';
import { errorResponses, jsonResponse } from './route';

const health = createRoute({
  method: 'get',
  path: '/health',
  tags: ['health'],
  summary: 'Liveness plus a database round trip; no authentication',
  responses: {
    200: jsonResponse('Up', z.object({ status: z.literal('ok'), db: z.literal('ok'), version: z.string() })),
    503: { ...errorResponses[401], description: 'The database cannot be reached' },
  },
});

/** `GET /health`: liveness plus a round trip to the database; no authentication. */
export function healthRoutes(deps: AppDeps) {
  return createRouter().openapi(health, async (c) => {
    try {
      await deps.db.run(sql`SELECT 1`);
    } catch {
      throw new ProblemError(503, 'Service Unavailable', 'The database cannot be reached.', undefined, {
        'retry-after': '5',
      });
    }
    return c.json({ status: 'ok' as const, db: 'ok' as const, version: deps.config.version }, 200);
  });
}
