import { randomUUID } from 'node:crypto';
import type { Db } from '../db/client';
import { createLogger, type Logger } from '../logger';
import type { RetryPolicy } from './backoff';
import { deliverDue } from './delivery-worker';
import type { ForecastSource } from './forecast-source';
import { runDueRules } from './run-due-rules';

/** The scheduler's settings (see server/config.ts for the environment variables). */
export interface AlertSchedulerConfig {
  tickMs: number;
  leaseMs: number;
  timeoutMs: number;
  retry: RetryPolicy;
  userAgent: string;
}

export interface AlertSchedulerDeps {
  db: Db;
  clock: () => Date;
  forecastSource: ForecastSource;
  config: AlertSchedulerConfig;
  random?: () => number;
  /** Where a failed tick is logged (with its stack); JSON on stdout at `error` level when not given. */
  logger?: Logger;
}

/** Runs due rules and outbox deliveries every `tickMs`, one tick at a time, inside the server process. */
export class AlertScheduler {
  readonly holder = randomUUID();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();
  private pending = false;

  private readonly logger: Logger;

  constructor(private readonly deps: AlertSchedulerDeps) {
    this.logger = deps.logger ?? createLogger('error');
  }

  /** One pass: evaluate due rules, then send due deliveries. Errors are logged, never thrown. */
  async tick(): Promise<void> {
    const { db, clock, forecastSource, config } = this.deps;
    try {
      await runDueRules({ db, clock, forecastSource, holder: this.holder, leaseMs: config.leaseMs });
      await this.deliver();
    } catch (error) {
      this.logger.error({ err: error }, 'alert scheduler tick failed');
    }
  }

  /** Sends due deliveries now. */
  deliver(): Promise<number> {
    const { db, clock, config } = this.deps;
    return deliverDue({
      db,
      clock,
      policy: config.retry,
      timeoutMs: config.timeoutMs,
      random: this.deps.random ?? Math.random,
      userAgent: config.userAgent,
    });
  }

  /** Runs a tick soon (after the one in progress), e.g. right after an evaluation wrote to the outbox. */
  wake(): void {
    if (this.pending) return;
    this.pending = true;
    this.running = this.running.then(() => {
      this.pending = false;
      return this.tick();
    });
  }

  start(): void {
    if (this.timer) return;
    this.wake();
    this.timer = setInterval(() => this.wake(), this.deps.config.tickMs);
  }

  /** Stops ticking and waits for the tick in progress to finish. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }
}
