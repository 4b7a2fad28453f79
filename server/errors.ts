import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Logger } from './logger';

/** One invalid field: `path` like `scenario.events[2].percent`, `message` the rule it broke. */
export interface FieldError {
  path: string;
  message: string;
}

/** One invalid CSV cell: 1-based `line` of the file, `column` name from the header row. */
export interface LineError {
  line: number;
  column: string;
  message: string;
}

/** A domain error that leaves the server as RFC 9457 problem+json. */
export class ProblemError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly title: string,
    readonly detail?: string,
    readonly errors?: (FieldError | LineError)[],
    readonly headers?: Record<string, string>,
  ) {
    super(detail ?? title);
    this.name = 'ProblemError';
  }
}

/** 404 for a resource that does not exist or belongs to another org (never says which). */
export const notFound = (what: string): ProblemError =>
  new ProblemError(404, 'Not Found', `No such ${what}.`);

/** A forecast whose callers all went away before it finished. */
export const forecastCancelled = (): ProblemError =>
  new ProblemError(503, 'Service Unavailable', 'The forecast was cancelled: the client went away.');

/** Writes a problem+json response. */
export function problem(c: Context, error: ProblemError): Response {
  const body = {
    type: 'about:blank',
    title: error.title,
    status: error.status,
    ...(error.detail ? { detail: error.detail } : {}),
    ...(error.errors ? { errors: error.errors } : {}),
    instance: c.req.path,
  };
  return c.body(JSON.stringify(body), error.status, {
    'content-type': 'application/problem+json',
    ...error.headers,
  });
}

/** Seconds a client should wait before retrying after the database was busy. */
export const busyRetryAfterSeconds = 1;

/** SQLite result codes of a lock held by another connection (SQLITE_BUSY = 5, SQLITE_LOCKED = 6). */
const lockCodes = /^SQLITE_(BUSY|LOCKED)/;

/** Whether `error` or any error in its `cause` chain (drizzle wraps libSQL's) is a database lock timeout. */
export function isDatabaseBusy(error: unknown): boolean {
  for (let e = error, depth = 0; e instanceof Error && depth < 8; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && lockCodes.test(code)) return true;
  }
  return false;
}

/**
 * The app's single error handler: known errors keep their status, a database still locked after
 * the busy timeout is a 503 with Retry-After, anything else is a 500 without details; its stack
 * goes to `logger` only, under the request's id.
 */
export function errorHandler(logger: Logger) {
  return (error: Error, c: Context): Response => {
    if (error instanceof ProblemError) return problem(c, error);
    const at = { reqId: c.get('requestId'), method: c.req.method, path: c.req.path };
    if (isDatabaseBusy(error)) {
      logger.warn(at, 'the database stayed locked');
      return problem(
        c,
        new ProblemError(503, 'Service Unavailable', 'The database is busy; retry shortly.', undefined, {
          'retry-after': String(busyRetryAfterSeconds),
        }),
      );
    }
    if (error instanceof HTTPException) {
      const status = error.status as ContentfulStatusCode;
      const detail = error.message || undefined;
      return problem(c, new ProblemError(status, titleFor(status), detail));
    }
    logger.error({ ...at, err: error }, 'unhandled error');
    return problem(
      c,
      new ProblemError(500, 'Internal Server Error', 'The server could not complete the request.'),
    );
  };
}

const titles: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
};

const titleFor = (status: number): string => titles[status] ?? 'Request failed';
