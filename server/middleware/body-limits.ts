import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import { ProblemError } from '../errors';

/** Largest JSON request body: 1 MiB (a 500-event scenario is well under 200 KiB). */
export const maxJsonBytes = 1024 * 1024;

const jsonLimit = bodyLimit({
  maxSize: maxJsonBytes,
  onError: () => {
    throw new ProblemError(413, 'Content Too Large', 'The request body is larger than 1 MiB.');
  },
});

/** Uploads that set their own larger limit: the roster import and the streamed history import. */
const ownLimit = /\/(roster\/import|history\/git|history\/github)$/;

/** Whether a request path is an upload with its own, larger body limit. */
export const hasOwnBodyLimit = (path: string): boolean => ownLimit.test(path);

/**
 * 413 for JSON bodies over 1 MiB; uploads with their own limit are left to it, and so are GET and
 * HEAD requests, which have no body here (bodyLimit would build a whole Request object to see that).
 */
export const limitJsonBodies = createMiddleware(async (c, next) =>
  c.req.method === 'GET' || c.req.method === 'HEAD' || hasOwnBodyLimit(c.req.path)
    ? next()
    : jsonLimit(c, next),
);
