import { randomUUID } from 'node:crypto';
import { retry } from '@octokit/plugin-retry';
import { type ThrottlingOptions, throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';
import Bottleneck from 'bottleneck';
import type { Logger } from '../logger';

/**
 * Requests one client keeps in flight. GitHub's REST best practices ask integrators to avoid
 * concurrent requests, and its secondary rate limits allow at most 100 concurrent requests per
 * user (shared by REST and GraphQL); the throttling plugin's own default is 10. Eight keeps a
 * 5,000-pull-request sync fast on a local server while staying far below the secondary limit.
 */
export const concurrentRequests = 8;

/** The limiter of every client, one key per client (idle keys are dropped after two minutes). */
const inFlight = new Bottleneck.Group({ maxConcurrent: concurrentRequests, timeout: 120_000 });

/**
 * The throttling plugin's options with the `global` limiter group it reads (`state.global ??` its
 * own group of 10 shared by every client) but does not declare in its types.
 */
type ThrottleOptions = ThrottlingOptions & { global: Bottleneck.Group; id: string };

/** Octokit with the throttling and retry plugins (pagination comes with @octokit/rest). */
const GithubOctokit = Octokit.plugin(throttling, retry);
export type GithubClient = InstanceType<typeof GithubOctokit>;

/** How the client talks to GitHub. */
export interface GithubClientOptions {
  /** REST API root, e.g. `https://api.github.com` or `https://ghe.example/api/v3`. */
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
 * A GitHub REST client: primary and secondary rate limits (403/429 with Retry-After or
 * X-RateLimit-Reset) are waited out and retried up to 3 times when the wait is at most
 * `maxRateLimitWaitS`; 5xx answers are retried 3 times with growing waits. Log lines carry the
 * request route and wait, never the token. At most {@link concurrentRequests} requests run at once
 * (checked on the first answer: the sync fails rather than run uncapped).
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
    global: inFlight,
    id: randomUUID(),
  };
  const client = new GithubOctokit({
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
  // A plugin version that stops reading `global` would fall back to its own shared limiter of 10:
  // the first answer checks that this client's requests went through `inFlight`.
  let checked = false;
  client.hook.after('request', () => {
    if (checked) return;
    checked = true;
    if (!inFlight.keys().includes(throttle.id))
      throw new Error('The throttling plugin ignored its global limiter; requests would not be capped.');
  });
  return client;
}
