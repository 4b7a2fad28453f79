import type { Context } from 'hono';
import type { ApiEnv } from '../context';
import type { AppDeps } from '../deps';
import { clientAddress } from '../proxy';
import { FixedWindowLimiter, rateLimit } from './rate-limit';

/** The lower-cased `email` of a JSON login body, if it has one (the validator reads the cached body again). */
async function loginEmail(c: Context): Promise<string | undefined> {
  if (!/^application\/json\b/i.test(c.req.header('content-type') ?? '')) return undefined;
  const body: unknown = await c.req.json().catch(() => undefined);
  const email = typeof body === 'object' && body !== null ? (body as { email?: unknown }).email : undefined;
  return typeof email === 'string' ? email.trim().toLowerCase().slice(0, 320) : undefined;
}

/**
 * POST /auth/login: at most RATE_LIMIT_LOGIN_PER_IP attempts per client address (see
 * {@link clientAddress} for TRUST_PROXY) and RATE_LIMIT_LOGIN_PER_EMAIL per account per window.
 */
export function loginRateLimit(deps: AppDeps) {
  const { windowMs, loginPerIp, loginPerEmail } = deps.config.rateLimits;
  const now = () => deps.clock().getTime();
  const clientIp = (c: Context) => clientAddress(c, deps.config.trustProxy);
  return rateLimit([
    { limiter: new FixedWindowLimiter(loginPerIp, windowMs, now), key: clientIp },
    { limiter: new FixedWindowLimiter(loginPerEmail, windowMs, now), key: loginEmail },
  ]);
}

/** POST /orgs/{org}/tokens: at most RATE_LIMIT_TOKENS_PER_USER new tokens per caller and org per window (after authentication). */
export function tokenRateLimit(deps: AppDeps) {
  const { windowMs, tokensPerUser } = deps.config.rateLimits;
  const limiter = new FixedWindowLimiter(tokensPerUser, windowMs, () => deps.clock().getTime());
  return rateLimit([
    {
      limiter,
      key: (c: Context<ApiEnv>) => `${c.get('org').id}:${c.get('principal').actor}`,
    },
  ]);
}
