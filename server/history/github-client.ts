import { randomUUID } from 'node:crypto';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';
import Bottleneck from 'bottleneck';
import type { Logger } from '../logger';

/**
 * Requests one client keeps in flight. GitHub allows at most 100 concurrent requests per user
 * (secondary rate limits, shared by REST and GraphQL); the throttling plugin's own default is 10.
 */
export const concurrentRequests = 32;

/** The limiter of every client, one key per client (idle keys are dropped after two minutes). */
const inFlight = new Bottleneck.Group({ maxConcurrent: concurrentRequests, timeout: 120_000 });

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
 * request route and wait, never the token. At most {@link concurrentRequests} requests run at once.
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
  // The plugin takes its `global` group from these options when given (not in its types).
  const throttle = {
    onRateLimit: onLimit('primary'),
    onSecondaryRateLimit: onLimit('secondary'),
    retryAfterBaseValue: unit,
    global: inFlight,
    id: randomUUID(),
  };
  return new GithubOctokit({
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
}
