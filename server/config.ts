import { availableParallelism } from 'node:os';
import { z } from 'zod';
import { type LogLevel, logLevels } from './logger';
import type { ForecastPoolOptions } from './services/forecast-pool';
import { defaultRuns, maxRuns } from './services/forecast-runs';

/** Everything the server reads from the environment, validated once at start-up. */
export interface Config {
  port: number;
  host: string;
  databaseUrl: string;
  databaseAuthToken: string | undefined;
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  /** How long a query waits for another connection's write lock before failing (ms). */
  databaseBusyTimeoutMs: number;
  webDist: string;
  /** Reverse proxies in front of the server whose X-Forwarded-For/-Proto are believed (TRUST_PROXY; 0 = none). */
  trustProxy: number;
  /** Least severe level written to the JSON log (LOG_LEVEL). */
  logLevel: LogLevel;
  version: string;
  alerts: AlertsConfig;
  forecasts: ForecastsConfig;
  rateLimits: RateLimitsConfig;
  github: GithubSyncConfig;
  history: HistoryImportConfig;
}

/** Largest git history upload by default: 200 MiB as sent. */
export const defaultUploadMaxBytes = 200 * 1024 * 1024;

/** History imports (HISTORY_* variables). */
export interface HistoryImportConfig {
  /** Largest git history upload as sent, compressed or not (bytes). */
  uploadMaxBytes: number;
}

/** Live GitHub sync (GITHUB_* variables). */
export interface GithubSyncConfig {
  /** AES-256-GCM key for stored tokens (GITHUB_TOKEN_KEY: 32 bytes, base64 or hex); none = no token can be stored. */
  tokenKey: Buffer | undefined;
  /** How often the scheduler looks for due syncs (ms). */
  tickMs: number;
}

/** The engine pool's limits, plus background forecast jobs (FORECAST_JOB_TIMEOUT_MS, REDIS_URL). */
export interface ForecastsConfig extends ForecastPoolOptions {
  /** Longest a background forecast job may take, waiting included (ms). */
  jobTimeoutMs: number;
  /** When set, job slices go to BullMQ workers over this Redis; else to the in-process pool. */
  redisUrl: string | undefined;
  /** Monte Carlo runs of a forecast whose request does not say (FORECAST_DEFAULT_RUNS). */
  defaultRuns: number;
  /** Whether the server forecasts each org's plan of record in the background at start (FORECAST_WARM_UP). */
  warmUp: boolean;
  /**
   * A process computing a forecast that others on the database wait for marks its claim alive;
   * silent this long, it is taken as dead and another computes (FORECAST_CLAIM_STALE_MS).
   */
  claimStaleMs: number;
}

/** Fixed-window limits (RATE_LIMIT_* variables): attempts per window of `windowMs`. */
export interface RateLimitsConfig {
  windowMs: number;
  loginPerIp: number;
  loginPerEmail: number;
  tokensPerUser: number;
}

/** Alert scheduler and webhook delivery settings (ALERT_* variables), durations in ms. */
export interface AlertsConfig {
  tickMs: number;
  retryBaseMs: number;
  maxAttempts: number;
  timeoutMs: number;
  leaseMs: number;
}

const portSchema = z.coerce
  .number({ error: 'must be a number' })
  .int('must be a whole number')
  .min(0, 'must be between 0 and 65535')
  .max(65535, 'must be between 0 and 65535');

const durationMs = (min: number, fallback: number) =>
  z.coerce
    .number({ error: 'must be a number of milliseconds' })
    .int('must be a whole number of milliseconds')
    .min(min, `must be at least ${min} ms`)
    .max(86_400_000, 'must be at most 86400000 ms (one day)')
    .default(fallback);

const perWindow = (fallback: number) =>
  z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(1, 'must be between 1 and 1000000')
    .max(1_000_000, 'must be between 1 and 1000000')
    .default(fallback);

const count = (min: number, max: number, fallback: number) =>
  z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(min, `must be between ${min} and ${max}`)
    .max(max, `must be between ${min} and ${max}`)
    .default(fallback);

const envSchema = z.object({
  PORT: portSchema.default(8787),
  HOST: z.string().min(1, 'must not be empty').default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^(file:|libsql:|https?:|wss?:)/, 'must start with file:, libsql:, http(s): or ws(s):')
    .default('file:./data/reviewload.db'),
  DATABASE_AUTH_TOKEN: z.string().min(1).optional(),
  DATABASE_BUSY_TIMEOUT_MS: z.coerce
    .number({ error: 'must be a number of milliseconds' })
    .int('must be a whole number of milliseconds')
    .min(0, 'must be between 0 and 60000 ms')
    .max(60_000, 'must be between 0 and 60000 ms')
    .default(5_000),
  ADMIN_EMAIL: z.email('must be an email address').optional(),
  ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),
  WEB_DIST: z.string().min(1).default('dist/web'),
  TRUST_PROXY: z
    .string()
    .regex(/^(false|true|10|\d)$/, 'must be false, true or a number of proxies from 0 to 10')
    .transform((value) => (value === 'false' ? 0 : value === 'true' ? 1 : Number(value)))
    .default(0),
  LOG_LEVEL: z.enum(logLevels, { error: `must be one of ${logLevels.join(', ')}` }).default('info'),
  ALERT_TICK_MS: durationMs(10, 5_000),
  ALERT_RETRY_BASE_MS: durationMs(1, 30_000),
  ALERT_MAX_ATTEMPTS: z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(1, 'must be between 1 and 20')
    .max(20, 'must be between 1 and 20')
    .default(6),
  ALERT_TIMEOUT_MS: durationMs(100, 10_000),
  ALERT_LEASE_MS: durationMs(1_000, 300_000),
  FORECAST_THREADS: count(1, 256, availableParallelism()),
  FORECAST_QUEUE_MAX: count(0, 10_000, 32),
  FORECAST_TIMEOUT_MS: durationMs(100, 120_000),
  FORECAST_JOB_TIMEOUT_MS: durationMs(1_000, 1_800_000),
  FORECAST_DEFAULT_RUNS: count(1, maxRuns, defaultRuns),
  FORECAST_WARM_UP: z
    .enum(['true', 'false'], { error: 'must be true or false' })
    .default('true')
    .transform((value) => value === 'true'),
  FORECAST_CLAIM_STALE_MS: durationMs(200, 30_000),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\/\S+$/, { error: 'must be a redis:// or rediss:// URL' })
    .optional(),
  RATE_LIMIT_WINDOW_MS: durationMs(1_000, 60_000),
  RATE_LIMIT_LOGIN_PER_IP: perWindow(30),
  RATE_LIMIT_LOGIN_PER_EMAIL: perWindow(10),
  RATE_LIMIT_TOKENS_PER_USER: perWindow(20),
  GITHUB_TOKEN_KEY: z
    .string()
    .transform((value) => Buffer.from(value, /^[0-9a-f]{64}$/i.test(value) ? 'hex' : 'base64'))
    .refine((key) => key.length === 32, 'must be 32 bytes, base64 or hex (e.g. openssl rand -base64 32)')
    .optional(),
  GITHUB_SYNC_TICK_MS: durationMs(10, 60_000),
  HISTORY_UPLOAD_MAX_BYTES: count(1_024, 1_073_741_824, defaultUploadMaxBytes),
});

/** Thrown when the environment is invalid; `variable` names the variable at fault. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
    this.name = 'ConfigError';
  }
}

/** Reads and validates the configuration; empty variables count as unset. */
export function loadConfig(env: NodeJS.ProcessEnv, version: string): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(String(issue?.path[0] ?? 'environment'), issue?.message ?? 'invalid');
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    databaseAuthToken: e.DATABASE_AUTH_TOKEN,
    databaseBusyTimeoutMs: e.DATABASE_BUSY_TIMEOUT_MS,
    adminEmail: e.ADMIN_EMAIL,
    adminPassword: e.ADMIN_PASSWORD,
    webDist: e.WEB_DIST,
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY,
    version,
    alerts: {
      tickMs: e.ALERT_TICK_MS,
      retryBaseMs: e.ALERT_RETRY_BASE_MS,
      maxAttempts: e.ALERT_MAX_ATTEMPTS,
      timeoutMs: e.ALERT_TIMEOUT_MS,
      leaseMs: e.ALERT_LEASE_MS,
    },
    forecasts: {
      threads: e.FORECAST_THREADS,
      maxQueue: e.FORECAST_QUEUE_MAX,
      timeoutMs: e.FORECAST_TIMEOUT_MS,
      jobTimeoutMs: e.FORECAST_JOB_TIMEOUT_MS,
      redisUrl: e.REDIS_URL,
      defaultRuns: e.FORECAST_DEFAULT_RUNS,
      warmUp: e.FORECAST_WARM_UP,
      claimStaleMs: e.FORECAST_CLAIM_STALE_MS,
    },
    rateLimits: {
      windowMs: e.RATE_LIMIT_WINDOW_MS,
      loginPerIp: e.RATE_LIMIT_LOGIN_PER_IP,
      loginPerEmail: e.RATE_LIMIT_LOGIN_PER_EMAIL,
      tokensPerUser: e.RATE_LIMIT_TOKENS_PER_USER,
    },
    github: { tokenKey: e.GITHUB_TOKEN_KEY, tickMs: e.GITHUB_SYNC_TICK_MS },
    history: { uploadMaxBytes: e.HISTORY_UPLOAD_MAX_BYTES },
  };
}
