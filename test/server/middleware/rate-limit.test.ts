import { describe, expect, it } from 'vitest';
import { FixedWindowLimiter, type RateRule, rateLimit } from '../../../server/middleware/rate-limit';
import { middlewareApp } from '../../helpers/middleware-app';

describe('FixedWindowLimiter', () => {
  it('allows `limit` hits per window, then answers the seconds left, and resets with the window', () => {
    let t = 0;
    const limiter = new FixedWindowLimiter(2, 10_000, () => t);
    expect([limiter.hit('a'), limiter.hit('a'), limiter.hit('b')]).toEqual([0, 0, 0]);
    t = 2_500;
    expect(limiter.hit('a')).toBe(8);
    t = 10_000;
    expect(limiter.hit('a')).toBe(0);
  });

  const keys = (count: number, prefix: string) => Array.from({ length: count }, (_, i) => `${prefix}${i}`);

  it('forgets the oldest key when a hit finds 100,000 tracked and none expired', () => {
    const limiter = new FixedWindowLimiter(1, 60_000, () => 0);
    for (const key of keys(99_999, 'k')) limiter.hit(key);
    // Second hits in the window: over the limit of 1, 60 s to wait.
    expect([limiter.hit('k0'), limiter.hit('k99998')]).toEqual([60, 60]);
    expect(limiter.hit('fresh')).toBe(0);
    // 100,000 tracked now: this hit first drops k0, the oldest, so it starts afresh.
    expect([limiter.hit('k0'), limiter.hit('k99998')]).toEqual([0, 60]);
  });

  it('sweeps expired windows first at 100,000 keys, keeping live ones whatever their age', () => {
    let t = 0;
    const limiter = new FixedWindowLimiter(1, 60_000, () => t);
    limiter.hit('live');
    for (const key of keys(99_998, 'old')) limiter.hit(key);
    t = 60_000;
    // The first key's window ended, so it starts a new one, keeping its place as the oldest key.
    expect([limiter.hit('live'), limiter.hit('live')]).toEqual([0, 60]);
    limiter.hit('new1');
    limiter.hit('new2');
    expect([limiter.hit('live'), limiter.hit('new1')]).toEqual([60, 60]);
  });
});

/** A rule keyed `key` (a constant, or undefined to skip) over a fresh limiter at t = 0. */
const rule = (limit: number, windowMs: number, key: string | undefined): RateRule => ({
  limiter: new FixedWindowLimiter(limit, windowMs, () => 0),
  key: async () => key,
});

const post = (app: ReturnType<typeof middlewareApp>) => app.request('/login', { method: 'POST' });

describe('rateLimit', () => {
  it('answers 429 problem+json with the longest Retry-After of the rules over their limit', async () => {
    const app = middlewareApp(rateLimit([rule(1, 30_000, 'ip'), rule(0, 10_000, 'email')]));
    const first = await post(app);
    expect(first.status).toBe(429);
    expect(first.headers.get('retry-after')).toBe('10');
    const second = await post(app);
    expect(second.status).toBe(429);
    expect(second.headers.get('retry-after')).toBe('30');
    expect(second.headers.get('content-type')).toBe('application/problem+json');
    expect(await second.json()).toEqual({
      type: 'about:blank',
      title: 'Too Many Requests',
      status: 429,
      detail: 'Too many attempts; retry in 30 s.',
      instance: '/login',
    });
  });

  it('lets requests within every limit through', async () => {
    const app = middlewareApp(rateLimit([rule(2, 60_000, 'ip'), rule(2, 60_000, 'email')]));
    const statuses = [(await post(app)).status, (await post(app)).status, (await post(app)).status];
    expect(statuses).toEqual([200, 200, 429]);
  });

  it('counts the attempt in every rule, also once another rule refuses it', async () => {
    const email = rule(3, 60_000, 'email');
    const app = middlewareApp(rateLimit([rule(0, 60_000, 'ip'), email]));
    for (let i = 0; i < 3; i++) await post(app);
    // The fourth hit on the email rule is over its limit of 3.
    expect(email.limiter.hit('email')).toBe(60);
  });

  it('skips a rule whose key is undefined, without counting', async () => {
    const app = middlewareApp(rateLimit([rule(0, 60_000, undefined)]));
    expect((await post(app)).status).toBe(200);
  });

  it('limits POST only by default, and the methods it is given otherwise', async () => {
    const byDefault = middlewareApp(rateLimit([rule(0, 60_000, 'ip')]));
    expect((await byDefault.request('/login')).status).toBe(200);
    expect((await byDefault.request('/login', { method: 'PUT' })).status).toBe(200);
    expect((await post(byDefault)).status).toBe(429);
    const putOnly = middlewareApp(rateLimit([rule(0, 60_000, 'ip')], ['PUT']));
    expect((await post(putOnly)).status).toBe(200);
    expect((await putOnly.request('/login', { method: 'PUT' })).status).toBe(429);
  });
});
