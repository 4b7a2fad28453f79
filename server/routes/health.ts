import { sql } from 'drizzle-orm';
import { Hono } from 'hono';
import type { AppDeps } from '../app';
import { ProblemError } from '../errors';

/** `GET /health`: liveness plus a round trip to the database; no authentication. */
export function healthRoutes(deps: AppDeps) {
  return new Hono().get('/health', async (c) => {
    try {
      await deps.db.run(sql`SELECT 1`);
    } catch {
      throw new ProblemError(503, 'Service Unavailable', 'The database cannot be reached.', undefined, {
        'retry-after': '5',
      });
    }
    return c.json({ status: 'ok', db: 'ok', version: deps.config.version });
  });
}
