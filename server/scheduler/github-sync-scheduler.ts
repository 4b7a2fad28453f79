import { and, eq, isNotNull, lte } from 'drizzle-orm';
import { githubSettings } from '../db/schema';
import { type GithubSyncDeps, startGithubSync } from '../history/github-sync-run';
import { systemActor } from '../services/audit';
import { nextRunAfter } from './schedule';

/**
 * Runs each org's scheduled GitHub sync when its cron slot is due, looking every `tickMs`. The
 * next slot is set before the sync starts, so a failing sync waits for its next slot; a sync
 * interrupted by a restart resumes at its next slot (the repository keeps its resume page), and
 * the org's lease keeps two processes from syncing one org at once.
 */
export class GithubSyncScheduler {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();

  constructor(private readonly deps: GithubSyncDeps & { tickMs: number }) {}

  start(): void {
    this.timer = setInterval(() => {
      this.running = this.running.then(() => this.runDue());
    }, this.deps.tickMs);
    this.timer.unref();
  }

  /** Stops looking and waits for a sync in progress. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** Starts every due sync, one org after another, and waits for them. */
  async runDue(): Promise<void> {
    const now = this.deps.clock();
    const due = await this.deps.db
      .select()
      .from(githubSettings)
      .where(and(isNotNull(githubSettings.schedule), lte(githubSettings.nextSyncAt, now)));
    for (const org of due) {
      await this.deps.db
        .update(githubSettings)
        .set({ nextSyncAt: nextRunAfter(org.schedule!, org.timezone, now) })
        .where(eq(githubSettings.orgId, org.orgId));
      try {
        await (await startGithubSync(this.deps, org.orgId, systemActor, 'schedule')).done;
      } catch (error) {
        this.deps.logger.warn(
          { orgId: org.orgId, error: (error as Error).message },
          'scheduled GitHub sync did not run',
        );
      }
    }
  }
}
