import { createHash } from 'node:crypto';
import { gzip } from 'node:zlib';

/**
 * A response body built once and sent many times: its bytes as is and gzipped, and an entity tag
 * of each (a strong ETag names exact bytes, so the gzipped bytes get their own).
 */
export interface ResponseBytes {
  identity: Uint8Array<ArrayBuffer>;
  gzip: Uint8Array<ArrayBuffer>;
  etag: { identity: string; gzip: string };
}

/** `body` gzipped (default level) on the libuv thread pool. */
export const gzipped = (body: Uint8Array): Promise<Uint8Array<ArrayBuffer>> =>
  new Promise((resolve, reject) =>
    gzip(body, (error, result) =>
      error
        ? reject(error)
        : resolve(
            new Uint8Array(result.buffer, result.byteOffset, result.byteLength) as Uint8Array<ArrayBuffer>,
          ),
    ),
  );

/** The bytes of `text` (UTF-8), gzipped on the libuv thread pool, with ETags from their SHA-256. */
export async function responseBytes(text: string): Promise<ResponseBytes> {
  const identity = new Uint8Array(Buffer.from(text, 'utf8')) as Uint8Array<ArrayBuffer>;
  const tag = createHash('sha256').update(identity).digest('base64url').slice(0, 27);
  return {
    identity,
    gzip: await gzipped(identity),
    etag: { identity: `"${tag}"`, gzip: `"${tag}-gzip"` },
  };
}

/**
 * Whether an If-None-Match header names one of `tags` (weak comparison, RFC 9110 13.1.2: a W/
 * prefix is ignored) or is `*`.
 */
export function noneMatch(header: string | undefined, tags: readonly string[]): boolean {
  if (header === undefined) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((part) => tags.includes(part.trim().replace(/^W\//, '')));
}
