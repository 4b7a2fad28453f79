import type { Context } from 'hono';
import { noneMatch, type ResponseBytes } from '../services/response-bytes';
import { acceptsGzip } from './forecasts';

/**
 * Sends remembered response bytes: gzipped to a client that accepts gzip, with the ETag of the
 * bytes sent; 304 without a body when If-None-Match names either encoding's ETag. Cache-Control
 * `private, no-cache`: a browser keeps the body but asks again each time (the answer depends on
 * the caller and on writes since), so an unchanged report costs a 304.
 */
export function sendResponseBytes(c: Context, bytes: ResponseBytes, contentType: string): Response {
  const gzip = acceptsGzip(c.req.header('accept-encoding'));
  const headers: Record<string, string> = {
    etag: gzip ? bytes.etag.gzip : bytes.etag.identity,
    vary: 'accept-encoding',
    'cache-control': 'private, no-cache',
  };
  if (noneMatch(c.req.header('if-none-match'), [bytes.etag.identity, bytes.etag.gzip]))
    return c.body(null, 304, headers);
  headers['content-type'] = contentType;
  if (gzip) headers['content-encoding'] = 'gzip';
  return c.body(gzip ? bytes.gzip : bytes.identity, 200, headers);
}
