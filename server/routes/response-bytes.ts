import type { Context } from 'hono';
import { noneMatch, type ResponseBytes } from '../services/response-bytes';
import { acceptsGzip } from './forecasts';

/** What remembered response bytes answer to one request: status, the headers of that answer, the body. */
export type BytesAnswer = { headers: Record<string, string> } & (
  | { status: 200; body: Uint8Array<ArrayBuffer> }
  | { status: 304; body: null }
);

/**
 * The answer of remembered response bytes to a request with these Accept-Encoding and
 * If-None-Match headers: {@link bytesAnswer}, gzipped when the client accepts gzip, 304 when
 * If-None-Match names either encoding's ETag.
 */
export function answerOfBytes(
  bytes: ResponseBytes,
  contentType: string,
  acceptEncoding: string | undefined,
  ifNoneMatch: string | undefined,
): BytesAnswer {
  return bytesAnswer(bytes, contentType, acceptsGzip(acceptEncoding), notModified(bytes, ifNoneMatch));
}

/** Whether an If-None-Match header names the ETag of either encoding of `bytes`. */
export const notModified = (bytes: ResponseBytes, ifNoneMatch: string | undefined): boolean =>
  noneMatch(ifNoneMatch, [bytes.etag.identity, bytes.etag.gzip]);

/**
 * The answer of remembered response bytes, `gzip`ped or not, with the ETag of the bytes sent; 304
 * without a body when `unchanged`. Cache-Control `private, no-cache`: a browser keeps the body but
 * asks again each time (the answer depends on the caller and on writes since), so an unchanged
 * report costs a 304.
 */
export function bytesAnswer(
  bytes: ResponseBytes,
  contentType: string,
  gzip: boolean,
  unchanged: boolean,
): BytesAnswer {
  const headers: Record<string, string> = {
    etag: gzip ? bytes.etag.gzip : bytes.etag.identity,
    vary: 'accept-encoding',
    'cache-control': 'private, no-cache',
  };
  if (unchanged) return { status: 304, headers, body: null };
  headers['content-type'] = contentType;
  if (gzip) headers['content-encoding'] = 'gzip';
  return { status: 200, headers, body: gzip ? bytes.gzip : bytes.identity };
}

/** Sends remembered response bytes as {@link answerOfBytes} answers the request. */
export function sendResponseBytes(c: Context, bytes: ResponseBytes, contentType: string): Response {
  const answer = answerOfBytes(
    bytes,
    contentType,
    c.req.header('accept-encoding'),
    c.req.header('if-none-match'),
  );
  return answer.status === 304 ? c.body(null, 304, answer.headers) : c.body(answer.body, 200, answer.headers);
}
