import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { ProblemError } from '../errors';

/** Most keys one limiter tracks; beyond it expired windows are swept, then the oldest keys dropped. */
const maxKeys = 100_000;

/** Counts attempts per key in fixed windows of `windowMs` milliseconds, at most `limit` per window. */
export class FixedWindowLimiter {
  readonly #windows = new Map<string, { count: number; resetAt: number }>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly now: () => number,
  ) {}

  /** Counts one attempt for `key`: 0 when allowed, else the whole seconds until its window resets. */
  hit(key: string): number {
    const t = this.now();
    if (this.#windows.size >= maxKeys) this.#sweep(t);
    let window = this.#windows.get(key);
    if (!window || window.resetAt <= t) {
      window = { count: 0, resetAt: t + this.windowMs };
      this.#windows.set(key, window);
    }
    window.count += 1;
    return window.count > this.limit ? Math.max(1, Math.ceil((window.resetAt - t) / 1000)) : 0;
  }

  #sweep(t: number): void {
    for (const [key, window] of this.#windows) if (window.resetAt <= t) this.#windows.delete(key);
    for (const key of this.#windows.keys()) {
      if (this.#windows.size < maxKeys) break;
      this.#windows.delete(key);
    }
  }
}

/** One limit of a route: the limiter and how to key a request (undefined skips this limit). */
export interface RateRule {
  limiter: FixedWindowLimiter;
  key(c: Context): string | undefined | Promise<string | undefined>;
}

/** 429 problem+json with Retry-After once any rule's key is over its limit; every rule counts the attempt. */
export function rateLimit(rules: RateRule[], methods = ['POST']) {
  return createMiddleware(async (c, next) => {
    if (!methods.includes(c.req.method)) return next();
    let retryAfter = 0;
    for (const rule of rules) {
      const key = await rule.key(c);
      if (key !== undefined) retryAfter = Math.max(retryAfter, rule.limiter.hit(key));
    }
    if (retryAfter > 0) {
      throw new ProblemError(
        429,
        'Too Many Requests',
        `Too many attempts; retry in ${retryAfter} s.`,
        undefined,
        { 'retry-after': String(retryAfter) },
      );
    }
    return next();
  });
}
