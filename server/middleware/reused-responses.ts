import type { MiddlewareHandler } from 'hono';
import { createMiddleware } from 'hono/factory';
import { routePath } from 'hono/route';
import { getPath } from 'hono/utils/url';
import { LRUCache } from 'lru-cache';
import type { ApiEnv, Reusable } from '../context';
import { hotReadsOf } from '../db/hot-reads';
import type { Logger } from '../logger';
import { acceptsGzip } from '../routes/forecasts';
import { type BytesAnswer, bytesAnswer, notModified } from '../routes/response-bytes';
import { turnBudgetMs, turnTimeLeft } from './event-loop-turns';
import { requestLines } from './request-lines';
import { msSince, requestIdOf } from './request-log';

/** The answers of an entry, each with all its headers but X-Request-Id: [200, 304]. */
type Answers = readonly [BytesAnswer, BytesAnswer];

interface Entry {
  /** The hot-read connection's data version before the request that stored the entry began. */
  dataVersion: number;
  /** The earliest of the route's and the token's `heldUntil` (epoch ms). */
  heldUntil: number;
  route: string;
  /** The bytes the answers send, for If-None-Match. */
  bytes: Reusable['bytes'];
  gzip: Answers;
  identity: Answers;
}

/** Headers {@link bytesAnswer} or the request log set per request. */
const perAnswer = new Set([
  'etag',
  'vary',
  'cache-control',
  'content-type',
  'content-encoding',
  'content-length',
  'x-request-id',
]);

/** Repeated GETs answered from memory: before the app, and within it after its queue. */
export interface ReusedResponses {
  /**
   * The answer from memory to `request`, made at once (from the server's fetch, before the app),
   * with the data version read for it; undefined when the request takes the app, and then
   * {@link ReusedResponses.keep}, or when this event-loop turn's answers from here have taken
   * {@link turnBudgetMs} already (the rest wait in the app's queue, so the loop keeps accepting
   * connections).
   */
  answer(request: Request): Response | undefined;
  /**
   * Middleware after the app's queue: answers from memory as `answer` does (with the data version
   * of the turn), else keeps the answer of the route when it is marked reusable.
   */
  keep: MiddlewareHandler<ApiEnv>;
}

/**
 * Answers a GET again from the bytes its route marked reusable, without running the app's
 * middleware, authentication or handler, when the same Authorization header, Accept header and
 * URL come again, nothing was committed to the database file since the first answer began (SQLite
 * `PRAGMA data_version` on the hot-read connection, which sees commits from any connection or
 * process), and neither the route's nor the API token's `heldUntil` has passed (the token's
 * expiry, and its next last-used write, which the full path then makes). The answer is the one the
 * full path gives (ETag, 304, gzip, the same other headers, a new X-Request-Id) and it is logged
 * alike.
 *
 * Why: a cached capacity report spent most of its CPU in the per-request middleware, lookups,
 * query validation and header objects, not in its remembered bytes; then in the promises of the
 * app's queue and middleware chain, which an answer made at once from the server's fetch does not
 * make. Bearer tokens only (a session's cookie is checked on every request); embedded database
 * files only (hot reads).
 */
export function reusedResponses(db: object, logger: Logger, clock: () => Date): ReusedResponses {
  const entries = new LRUCache<string, Entry>({
    // Keys are token x Accept x URL: 1,024 is 100 API tokens polling 10 URLs each; lru-cache
    // allocates its index arrays for `max` up front (demo capacity report: 30 KB, 26 KB JSON + 4 KB gzip).
    max: 1024,
    // An eighth of the 2 GB an instance may use (#15): about 50 week-grain pages of 256 teams
    // (5 MB each: 720 KB JSON + 59 KB gzip for the demo's 40 teams x 52 weeks, scaled, measured 2026-12-01).
    maxSize: 256 * 1024 * 1024,
    sizeCalculation: (entry) => entry.bytes.identity.byteLength + entry.bytes.gzip.byteLength + 1,
  });
  const lines = requestLines(logger);
  const dataVersionOfTurn = turnDataVersion();
  const timeLeft = turnTimeLeft();

  /** The key of a GET with a bearer token, whose answer may be kept and given again; else undefined. */
  const keyOf = (request: Request): string | undefined => {
    const authorization = request.headers.get('authorization');
    if (request.method !== 'GET' || !authorization?.startsWith('Bearer ')) return undefined;
    return `${authorization}\n${request.headers.get('accept') ?? ''}\n${request.url}`;
  };

  /**
   * The answer of the entry under `key` while it holds (the data version is the entry's, its
   * deadline is ahead), logged; an entry that no longer holds is dropped.
   */
  const fromMemory = (request: Request, key: string, dataVersion: () => number, started: number) => {
    const entry = entries.get(key);
    if (!entry) return undefined;
    if (entry.dataVersion !== dataVersion() || clock().getTime() >= entry.heldUntil) {
      entries.delete(key);
      return undefined;
    }
    const { headers } = request;
    const reqId = requestIdOf(headers.get('x-request-id') ?? undefined);
    const answers = acceptsGzip(headers.get('accept-encoding') ?? undefined) ? entry.gzip : entry.identity;
    const answer = answers[notModified(entry.bytes, headers.get('if-none-match') ?? undefined) ? 1 : 0];
    lines({
      reqId,
      method: 'GET',
      route: entry.route,
      path: getPath(request),
      status: answer.status,
      durationMs: msSince(started),
    });
    // A plain header object (not Headers): @hono/node-server then writes it as it is.
    return new Response(answer.body, {
      status: answer.status,
      headers: { ...answer.headers, 'x-request-id': reqId },
    });
  };

  return {
    answer(request) {
      const hot = hotReadsOf(db);
      if (!hot || !timeLeft()) return undefined;
      const started = performance.now();
      const key = keyOf(request);
      if (key === undefined) return undefined;
      // Outside the app, so outside its error handler: a failure here is logged and the request
      // goes through the app, which answers it (or its error, as problem+json) as for any request.
      try {
        return fromMemory(request, key, () => hot.dataVersion(), started);
      } catch (error) {
        logger.error({ err: error }, 'answer from memory failed; the request goes through the app');
        return undefined;
      }
    },
    keep: createMiddleware<ApiEnv>(async (c, next) => {
      const hot = hotReadsOf(db);
      const key = hot && keyOf(c.req.raw);
      if (!hot || key === undefined) return next();
      const started = performance.now();
      const dataVersion = dataVersionOfTurn(hot);
      const remembered = fromMemory(c.req.raw, key, () => dataVersion, started);
      if (remembered) return remembered;
      await next();
      const reusable = c.get('reusable');
      const principal = c.get('principal');
      if (!reusable || principal?.kind !== 'token' || (c.res.status !== 200 && c.res.status !== 304)) return;
      const headers: Record<string, string> = {};
      for (const [name, value] of c.res.headers) if (!perAnswer.has(name)) headers[name] = value;
      const answers = (gzip: boolean): Answers => {
        const answer = (unchanged: boolean) => {
          const made = bytesAnswer(reusable.bytes, reusable.contentType, gzip, unchanged);
          return { ...made, headers: { ...headers, ...made.headers } };
        };
        return [answer(false), answer(true)];
      };
      entries.set(key, {
        dataVersion,
        heldUntil: Math.min(reusable.heldUntil, principal.heldUntil),
        route: routePath(c),
        bytes: reusable.bytes,
        gzip: answers(true),
        identity: answers(false),
      });
    }),
  };
}

/**
 * `PRAGMA data_version` read once per event-loop turn: the requests eventLoopTurns releases in one
 * turn (up to 5 ms of them) share the first one's reading, which is forgotten from a setImmediate,
 * so before the next turn's requests are released. Those requests all arrived before the turn
 * began, so a write committed meanwhile is one they ran concurrently with; a request sent after a
 * write was answered comes in a later turn and reads again. The check was 8% of a cached report's
 * CPU at 200 connections.
 */
function turnDataVersion() {
  let version: number | undefined;
  return (hot: { dataVersion(): number }): number => {
    if (version === undefined) {
      version = hot.dataVersion();
      setImmediate(() => {
        version = undefined;
      });
    }
    return version;
  };
}
