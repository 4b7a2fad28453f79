import { forecastCancelled, ProblemError } from '../errors';
import type { RunControl } from './forecast-pool';
import type { RunClaims } from './run-claims';

/** Work done once for all who wait: given the run control it must honour (signal, progress, slicing, time limit). */
export type SharedWork<T> = (control: RunControl) => Promise<T>;

/** One run that several callers wait for. */
class SharedRun<T> {
  private readonly controller = new AbortController();
  private readonly listeners = new Set<NonNullable<RunControl['onProgress']>>();
  private progress: [number, number] | undefined;
  /** Callers still waiting that can go away (those without a signal never do). */
  private leavable = 0;
  private permanent = false;
  readonly result: Promise<T>;

  constructor(work: SharedWork<T>, control: RunControl) {
    this.result = work({
      pieces: control.pieces,
      timeoutMs: control.timeoutMs,
      signal: this.controller.signal,
      onProgress: (done, total) => {
        this.progress = [done, total];
        for (const listener of this.listeners) listener(done, total);
      },
    });
  }

  /**
   * Waits for the run with `control`'s progress listener and signal: when the signal aborts, this
   * caller stops waiting (503), and the run is cancelled once every caller that waits has gone away.
   */
  join({ signal, onProgress }: RunControl): Promise<T> {
    if (onProgress) {
      this.listeners.add(onProgress);
      if (this.progress) onProgress(...this.progress);
    }
    if (!signal) {
      this.permanent = true;
      return this.result;
    }
    this.leavable += 1;
    return new Promise<T>((resolve, reject) => {
      const leave = () => {
        if (onProgress) this.listeners.delete(onProgress);
        this.leavable -= 1;
        if (this.leavable === 0 && !this.permanent) this.controller.abort();
        reject(forecastCancelled());
      };
      if (signal.aborted) return leave();
      signal.addEventListener('abort', leave, { once: true });
      this.result.then(resolve, reject).finally(() => signal.removeEventListener('abort', leave));
    });
  }
}

/** What a caller of {@link RunsInFlight.run} gets: the work's value, and whether another caller started it. */
export interface SharedOutcome<T> {
  value: T;
  joined: boolean;
}

/**
 * Forecasts being computed and stored in this process, by key (the SHA-256 of the canonical engine
 * input): a forecast asked for while the same input is computing (the Dashboard's request while
 * the start-up warm-up or a background job runs it, two tabs, a job and a request) waits for that
 * work instead of starting a second engine run, and hears its progress. The work is cancelled
 * only once every caller waiting for it has gone away. A caller that joined work which then failed
 * with 503 (the starter's time limit, or the pool full) while the caller still waits starts it once
 * more on its own. With `claims`, work given a `stored` lookup is also claimed across the
 * processes that share the database: another process computing the same key is waited for.
 */
export class RunsInFlight {
  private readonly runs = new Map<string, SharedRun<unknown>>();

  constructor(private readonly claims?: RunClaims) {}

  /**
   * `work` under `key`: joined when in flight, else started with `control`'s slicing and time
   * limit; `stored` reads the value another process stored under `key` (see {@link RunClaims}).
   */
  async run<T>(
    key: string,
    work: SharedWork<T>,
    control: RunControl = {},
    stored?: () => Promise<T | undefined>,
  ): Promise<SharedOutcome<T>> {
    const claims = this.claims;
    const claimed: SharedWork<T> =
      claims && stored ? (shared) => claims.once(key, stored, work, shared) : work;
    const joined = this.runs.get(key) as SharedRun<T> | undefined;
    if (!joined) return { value: await this.start(key, claimed, control).join(control), joined: false };
    try {
      return { value: await joined.join(control), joined: true };
    } catch (error) {
      const ownFailure = control.signal?.aborted || !(error instanceof ProblemError) || error.status !== 503;
      if (ownFailure) throw error;
      const current = this.runs.get(key) as SharedRun<T> | undefined;
      if (current && current !== joined) return { value: await current.join(control), joined: true };
      return { value: await this.start(key, claimed, control).join(control), joined: false };
    }
  }

  private start<T>(key: string, work: SharedWork<T>, control: RunControl): SharedRun<T> {
    const shared = new SharedRun(work, control);
    this.runs.set(key, shared);
    void shared.result
      .catch(() => undefined)
      .finally(() => {
        if (this.runs.get(key) === shared) this.runs.delete(key);
      });
    return shared;
  }
}
