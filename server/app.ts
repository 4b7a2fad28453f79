import { Hono } from 'hono';
import type { Config } from './config';
import type { Db } from './db/client';
import { handleError, ProblemError } from './errors';
import { healthRoutes } from './routes/health';
import { webAppRoutes } from './routes/web-app';

/** What the app needs from the outside; tests pass a temporary database and a fixed clock. */
export interface AppDeps {
  db: Db;
  config: Config;
  clock: () => Date;
}

/** Composes the HTTP app: the API under /api/v1 and the built web app at `/`. No I/O at import time. */
export function createApp(deps: AppDeps) {
  const api = new Hono().route('/', healthRoutes(deps));

  const app = new Hono();
  app.onError(handleError);
  app.route('/api/v1', api);
  app.all('/api/*', (c) => {
    throw new ProblemError(404, 'Not Found', `No route for ${c.req.method} ${c.req.path}.`);
  });
  app.route('/', webAppRoutes(deps.config.webDist));
  return app;
}
