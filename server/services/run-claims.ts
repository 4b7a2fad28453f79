import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { and, eq, lt } from 'drizzle-orm';
import type { Db } from '../db/client';
import { forecastClaims } from '../db/schema';
import { forecastCancelled } from '../errors';
import type { RunControl } from './forecast-pool';

/** The work a claim guards: given the run control it must honour. */
type ClaimedWork<T> = (control: RunControl) => Promise<T>;

export interface RunClaimsOptions {
  db: Db;
  clock: () => Date;
  /** A claim whose heartbeat is older than this is stale: its process died (FORECAST_CLAIM_STALE_MS). */
  staleMs: number;
}

/** How often the computing process marks its claim alive: a quarter of `staleMs`, at most 2 s. */
const beatOf = (staleMs: number) => Math.min(2_000, Math.max(50, Math.floor(staleMs / 4)));

/** How often a waiting process looks for the stored run: at most 500 ms late for a Dashboard. */
const pollOf = (beatMs: number) => Math.min(500, beatMs);

/**
 * Engine runs claimed across the server processes that share one database (instances on a
 * libSQL server, or several processes on one file): the first process to insert an input's claim
 * computes it, marking the claim alive and writing its progress; the others wait for the stored
 * run, hearing that progress. A claim left by a process that died (silent for `staleMs`) is
 * taken over. Within one process, {@link RunsInFlight} already joins callers, so each process
 * has at most one claimant or waiter per input.
 */
export class RunClaims {
  /** This instance's name on its claims (host, pid and a random part: two apps in one process differ). */
  private readonly runner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly beatMs: number;
  private readonly pollMs: number;

  constructor(private readonly options: RunClaimsOptions) {
    this.beatMs = beatOf(options.staleMs);
    this.pollMs = pollOf(this.beatMs);
  }

  /**
   * The value under `key`: `stored()` when some process has stored it, else `work`'s once this
   * process holds the claim. `control`'s signal ends the wait (503) as it ends the work.
   */
  async once<T>(
    key: string,
    stored: () => Promise<T | undefined>,
    work: ClaimedWork<T>,
    control: RunControl,
  ): Promise<T> {
    for (;;) {
      if (control.signal?.aborted) throw forecastCancelled();
      if (await this.claim(key)) {
        try {
          return (await stored()) ?? (await this.compute(key, work, control));
        } finally {
          await this.release(key);
        }
      }
      const value = await this.waitForOther(key, stored, control);
      if (value !== undefined) return value;
    }
  }

  /** Takes the claim of `key` (a stale one is removed first); false when another process holds it. */
  private async claim(key: string): Promise<boolean> {
    const { db, clock, staleMs } = this.options;
    const now = clock();
    const staleBefore = new Date(now.getTime() - staleMs);
    await db
      .delete(forecastClaims)
      .where(and(eq(forecastClaims.key, key), lt(forecastClaims.heartbeatAt, staleBefore)));
    const taken = await db
      .insert(forecastClaims)
      .values({ key, runner: this.runner, heartbeatAt: now })
      .onConflictDoNothing()
      .returning({ key: forecastClaims.key });
    return taken.length > 0;
  }

  private readonly mine = (key: string) =>
    and(eq(forecastClaims.key, key), eq(forecastClaims.runner, this.runner));

  private async release(key: string): Promise<void> {
    await this.options.db.delete(forecastClaims).where(this.mine(key));
  }

  /** Runs `work` while marking the claim alive, its progress written for waiters elsewhere. */
  private async compute<T>(key: string, work: ClaimedWork<T>, control: RunControl): Promise<T> {
    const { db, clock } = this.options;
    let writes = Promise.resolve();
    const mark = (set: Partial<typeof forecastClaims.$inferInsert>) => {
      writes = writes
        .then(() => db.update(forecastClaims).set(set).where(this.mine(key)))
        .then(
          () => undefined,
          () => undefined,
        );
    };
    const heartbeat = setInterval(() => mark({ heartbeatAt: clock() }), this.beatMs);
    heartbeat.unref();
    try {
      return await work({
        ...control,
        onProgress: (done, total) => {
          control.onProgress?.(done, total);
          mark({ done, total, heartbeatAt: clock() });
        },
      });
    } finally {
      clearInterval(heartbeat);
      await writes;
    }
  }

  /**
   * Waits while another process's claim of `key` is alive, passing on its progress: the stored
   * value once it is in; undefined when the claim is gone without one (it failed) or went stale.
   */
  private async waitForOther<T>(
    key: string,
    stored: () => Promise<T | undefined>,
    control: RunControl,
  ): Promise<T | undefined> {
    const { db, clock, staleMs } = this.options;
    for (;;) {
      const value = await stored();
      if (value !== undefined) return value;
      const claim = await db.select().from(forecastClaims).where(eq(forecastClaims.key, key)).get();
      if (!claim || clock().getTime() - claim.heartbeatAt.getTime() > staleMs) return undefined;
      if (claim.total > 0) control.onProgress?.(claim.done, claim.total);
      try {
        await sleep(this.pollMs, undefined, { signal: control.signal });
      } catch {
        throw forecastCancelled();
      }
    }
  }
}
