import type { MiddlewareHandler } from 'hono';
import { requestId } from 'hono/request-id';
import { routePath } from 'hono/route';
import type { Logger } from '../logger';

/**
 * Gives every request an id (the caller's X-Request-Id when it is at most 128 letters, digits,
 * `_`, `-` or `=`, else a new UUID), returns
 * it in X-Request-Id and, once answered, logs one line: id, method, route pattern, path, status
 * and duration in ms (`error` level for 5xx, `info` otherwise).
 */
export function requestLog(logger: Logger): MiddlewareHandler[] {
  const assignId = requestId({ headerName: 'X-Request-Id', limitLength: 128 });
  const log: MiddlewareHandler = async (c, next) => {
    const started = performance.now();
    await next();
    const line = {
      reqId: c.get('requestId'),
      method: c.req.method,
      route: routePath(c),
      path: c.req.path,
      status: c.res.status,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
    };
    if (c.res.status >= 500) logger.error(line, 'request failed');
    else logger.info(line, 'request');
  };
  return [assignId, log];
}
