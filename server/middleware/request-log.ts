import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import type { Logger } from '../logger';
import { requestLines } from './request-lines';

/**
 * A request's id: the caller's X-Request-Id when it is at most 128 letters, digits, `_`, `-` or
 * `=`, else a new UUID.
 */
export const requestIdOf = (header: string | undefined): string =>
  header && header.length <= 128 && !/[^\w\-=]/.test(header) ? header : randomUUID();

/** Milliseconds since `started` (a performance.now() reading) to one decimal: a request line's durationMs. */
export const msSince = (started: number): number => Math.round((performance.now() - started) * 10) / 10;

/**
 * Gives every request an id ({@link requestIdOf}), returns it in X-Request-Id and, once answered,
 * logs one line: id, method, route pattern, path, status and duration in ms.
 */
export function requestLog(logger: Logger): MiddlewareHandler[] {
  const lines = requestLines(logger);
  const log: MiddlewareHandler = async (c, next) => {
    const started = performance.now();
    const reqId = requestIdOf(c.req.header('x-request-id'));
    c.set('requestId', reqId);
    c.header('X-Request-Id', reqId);
    await next();
    const { method, path } = c.req;
    lines({ reqId, method, route: routePath(c), path, status: c.res.status, durationMs: msSince(started) });
  };
  return [log];
}
