import { randomUUID } from 'node:crypto';
import { retry } from '@octokit/plugin-retry';
import { type ThrottlingOptions, throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';
import Bottleneck from 'bottleneck';
import type { Logger } from '../logger';

/**
 * The limiters of every client, one key per client (idle keys are dropped after two minutes).
 * `global` holds one request in flight: GitHub's best practices ask integrators to make requests
 * serially, and cursor pagination is serial anyway. `queries` stands in for the plugin's `write`
 * limiter, which every GraphQL request passes (it spaces mutative requests a second apart, as
 * GitHub asks for POST, PATCH, PUT and DELETE): this client only sends queries, which GitHub's
 * secondary limit counts as 1 point each of 2,000 a minute (mutations 5), so it adds no spacing.
 */
const limiters = {
  global: new Bottleneck.Group({ maxConcurrent: 1, timeout: 120_000 }),
  queries: new Bottleneck.Group({ maxConcurrent: 1, timeout: 120_000 }),
};

/**
 * The throttling plugin's options with the `global` and `write` limiter groups it reads
 * (`state.global ??` its own group of 10 shared by every client, `state.write ??` one with a second
 * between requests) but does not declare in its types.
 */
type ThrottleOptions = ThrottlingOptions & { global: Bottleneck.Group; write: Bottleneck.Group; id: string };

/**
 * Parses JSON answers with the platform's `JSON.parse`. @octokit/request parses them with
 * json-with-bigint (integers past 2^53 kept as BigInt), which on Node 20 first rewrites the text
 * with a regular expression and then revives every value: 0.8 s of the 2.3 s CPU of a
 * 5,000-pull-request sync. The sync's queries ask for no such integer (GraphQL's Int is 32-bit),
 * and it reads no REST body.
 * As the first plugin its hook is the innermost, so the throttling plugin still reads the parsed
 * `errors` of a GraphQL answer; error answers (4xx/5xx) are still parsed by @octokit/request.
 */
function nativeJson(octokit: Pick<Octokit, 'hook'>) {
  octokit.hook.wrap('request', async (request, options) => {
    // Every hook of a request shares its options object (the hooks are bound to it): set in place.
    options.request = { ...options.request, parseSuccessResponseBody: false };
    const response = await request(options);
    const body = response.data as ReadableStream<Uint8Array> | null;
    const text = body ? await new Response(body).text() : '';
    const json = /\bjson\b/.test(String(response.headers['content-type'] ?? '')) && text !== '';
    response.data = json ? JSON.parse(text) : text;
    return response;
  });
}

/** Octokit with the throttling and retry plugins; the sync uses its `graphql` and `request` methods. */
const GithubOctokit = Octokit.plugin(nativeJson, throttling, retry);

/** GraphQL's primary rate limit as a query's `rateLimit { cost remaining resetAt }` reports it. */
export interface GraphqlRateLimit {
  cost: number;
  remaining: number;
  resetAt: string;
}

/** A conditional GET's outcome: `notModified` on 304, else the answer's ETag (null when it sent none). */
export type Revalidation = { notModified: true } | { notModified: false; etag: string | null };

/** A GitHub GraphQL API client, with conditional REST GETs (see {@link createGithubClient}). */
export interface GithubClient {
  /**
   * Runs a query whose selection ends with `rateLimit { cost remaining resetAt }`; its data. When
   * the points left would not pay for another query of this cost, waits for the window's reset.
   */
  query<T extends { rateLimit: GraphqlRateLimit | null }>(
    document: string,
    variables: Record<string, unknown>,
  ): Promise<T>;
  /**
   * Asks a REST GET route with `If-None-Match: etag` when an ETag is given. GitHub answers 304 Not
   * Modified, which does not count against the primary rate limit, while the answer is unchanged.
   */
  revalidate(
    route: `GET ${string}`,
    params: Record<string, unknown>,
    etag: string | null,
  ): Promise<Revalidation>;
}

/** How the client talks to GitHub. */
export interface GithubClientOptions {
  /**
   * REST API root, e.g. `https://api.github.com` or `https://ghe.example/api/v3`; queries go to
   * its GraphQL endpoint (`/graphql`; `/api/graphql` on GitHub Enterprise Server).
   */
  baseUrl: string;
  token: string | null;
  userAgent: string;
  logger: Logger;
  /** Unit of the retry waits (ms per second of Retry-After, and of the 5xx backoff); tests shrink it. */
  retryUnitMs?: number;
  /** Longest rate-limit wait accepted (s); a longer one fails the sync, which resumes next time. */
  maxRateLimitWaitS?: number;
}

/**
 * A GitHub GraphQL client, whose conditional REST GETs are paced, throttled and retried alike.
 * Within GraphQL's primary limit (points an hour): a query whose `rateLimit` leaves fewer points
 * than it cost waits until `resetAt` (plus a second, as GitHub asks) before the next one; a query
 * answered RATE_LIMITED anyway (another client spent the points) is retried after
 * `x-ratelimit-reset`. Secondary limits (403/429 with Retry-After) are waited out and retried up to
 * 3 times, each wait at most `maxRateLimitWaitS` (a longer one fails the sync); 5xx answers are
 * retried 3 times with growing waits. One request at a time (checked on the first answer to a
 * query: the sync fails rather than run unpaced). Log lines carry the request route and wait,
 * never the token.
 */
export function createGithubClient(options: GithubClientOptions): GithubClient {
  const unit = options.retryUnitMs ?? 1_000;
  const maxWait = options.maxRateLimitWaitS ?? 900;
  const log = options.logger.child({ component: 'github-sync' });
  const onLimit =
    (kind: string) =>
    (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
      const retrying = retryCount < 3 && retryAfter <= maxWait;
      log.warn(
        { kind, retryAfter, retrying, route: `${request.method} ${request.url}` },
        'GitHub rate limit',
      );
      return retrying;
    };
  const throttle: ThrottleOptions = {
    onRateLimit: onLimit('primary'),
    onSecondaryRateLimit: onLimit('secondary'),
    retryAfterBaseValue: unit,
    global: limiters.global,
    write: limiters.queries,
    id: randomUUID(),
  };
  const octokit = new GithubOctokit({
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    ...(options.token ? { auth: options.token } : {}),
    userAgent: options.userAgent,
    log: {
      debug: () => {},
      info: () => {},
      warn: (message: string) => log.warn(message),
      error: (message: string) => log.error(message),
    },
    throttle,
    retry: { retries: 3, retryAfterBaseValue: unit },
  });
  // A plugin version that stops reading `global` or `write` would fall back to its own limiters
  // (10 at once; a second between queries): the first answer to a query (a REST GET passes
  // `global` alone) checks that this client's went through ours.
  let checked = false;
  octokit.hook.after('request', (_response, request) => {
    if (checked || request.method !== 'POST') return;
    checked = true;
    if (![limiters.global, limiters.queries].every((group) => group.keys().includes(throttle.id)))
      throw new Error('The throttling plugin ignored its limiters; requests would not be paced.');
  });
  return {
    async query<T extends { rateLimit: GraphqlRateLimit | null }>(
      document: string,
      variables: Record<string, unknown>,
    ) {
      const data = await octokit.graphql<T>(document, variables);
      const limit = data.rateLimit;
      if (limit && limit.remaining < limit.cost) {
        const waitS = Math.max(0, Math.ceil((Date.parse(limit.resetAt) - Date.now()) / 1000)) + 1;
        log.warn({ kind: 'primary', remaining: limit.remaining, waitS }, 'GitHub GraphQL points spent');
        if (waitS > maxWait)
          throw new Error(`GitHub GraphQL points spent until ${limit.resetAt}; the sync resumes after it.`);
        await new Promise((resolve) => setTimeout(resolve, waitS * unit));
      }
      return data;
    },
    async revalidate(route: `GET ${string}`, params: Record<string, unknown>, etag: string | null) {
      try {
        const response = await octokit.request(route, {
          ...params,
          headers: etag === null ? {} : { 'if-none-match': etag },
        });
        return { notModified: false, etag: response.headers.etag ?? null };
      } catch (error) {
        // Octokit throws a RequestError for a 304, as for an error answer.
        if ((error as { status?: unknown }).status === 304) return { notModified: true };
        throw error;
      }
    },
  };
}
