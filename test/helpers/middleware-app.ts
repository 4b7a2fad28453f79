import { Hono, type MiddlewareHandler } from 'hono';
import { errorHandler } from '../../server/errors';
import { createLogger } from '../../server/logger';

/**
 * A Hono app of one middleware in front of a route at every path and method that answers 200
 * "reached" (reading the body only when asked to), with the server's error handler, so a
 * middleware is tested in-process (`app.request`) without the database or the other middleware.
 */
export function middlewareApp(middleware: MiddlewareHandler, options: { readBody?: boolean } = {}) {
  const app = new Hono();
  app.onError(errorHandler(createLogger('silent')));
  app.use('*', middleware);
  app.all('*', async (c) => {
    if (options.readBody) await c.req.text();
    return c.text('reached');
  });
  return app;
}
