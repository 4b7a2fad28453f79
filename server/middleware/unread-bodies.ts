import { createMiddleware } from 'hono/factory';
import { maxJsonBytes } from './body-limits';

/**
 * Settles a request body the app answered without reading (401, 403, 404, 413, a bad path
 * parameter): up to 1 MiB is read and dropped before the response goes out, so the keep-alive
 * connection stays usable; a larger or unsized body gets `Connection: close` instead. Without
 * this, @hono/node-server drains the unread body after the response and destroys the socket
 * 500 ms later, when the client has already sent its next request on it ("other side closed").
 */
export const settleUnreadBodies = createMiddleware(async (c, next) => {
  await next();
  // A GET or HEAD request has no body here, and asking c.req.raw for one would build a whole
  // Request object (about 7% of a cached report's CPU under load).
  if (c.req.method === 'GET' || c.req.method === 'HEAD') return;
  if (!c.req.raw.body || c.req.raw.bodyUsed) return;
  const length = Number(c.req.header('content-length') ?? Number.NaN);
  if (length <= maxJsonBytes) await c.req.raw.arrayBuffer().catch(() => undefined);
  else c.header('connection', 'close');
});
