import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/** The TCP peer of a request served by @hono/node-server ('unknown' when there is none, as in app.request). */
function peerAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** The comma-separated values of header `name`, trimmed, empty ones dropped. */
const listHeader = (c: Context, name: string): string[] =>
  (c.req.header(name) ?? '')
    .split(',')
    .map((value) => value.trim())
    .filter((value) => value !== '');

/**
 * The client's address. With `trustedProxies` = 0 (TRUST_PROXY unset) it is the TCP peer: a
 * caller can forge X-Forwarded-For. With n reverse proxies in front, each appending the address
 * it received from to X-Forwarded-For, the client is the n-th address counted back from the peer
 * (the leftmost when the header holds fewer).
 */
export function clientAddress(c: Context, trustedProxies: number): string {
  const peer = peerAddress(c);
  if (trustedProxies === 0) return peer;
  const hops = [peer, ...listHeader(c, 'x-forwarded-for').reverse()];
  return hops[Math.min(trustedProxies, hops.length - 1)]!;
}

/**
 * Whether the client reached the server over TLS: the request URL's scheme, or, behind trusted
 * proxies, the first X-Forwarded-Proto value (set by the proxy that terminates TLS).
 */
export function isHttps(c: Context, trustedProxies: number): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true;
  return trustedProxies > 0 && listHeader(c, 'x-forwarded-proto')[0]?.toLowerCase() === 'https';
}
