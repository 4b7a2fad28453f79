import { randomBytes, randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { githubSettings, teams } from '../../../server/db/schema';
import { saveGithubSettings } from '../../../server/history/github-settings';
import { GithubSyncScheduler } from '../../../server/scheduler/github-sync-scheduler';
import { acquireLease } from '../../../server/scheduler/lease';
import { systemActor } from '../../../server/services/audit';
import { captureLog } from '../../helpers/captured-log';
import { manualClock, minuteMs } from '../../helpers/manual-clock';
import { createTempDb, type TempDatabase } from '../../helpers/temp-db';
import { insertOrg } from '../alerts/rule-fixtures';

const tickMs = 60_000;
let database: TempDatabase;
let orgId: string;

beforeEach(async () => {
  database = await createTempDb();
  orgId = await insertOrg(database.db);
  await database.db.insert(teams).values({ id: randomUUID(), orgId, name: 'App', headcount: {} });
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  database.cleanup();
});

describe('GithubSyncScheduler', () => {
  it('logs a due sync that cannot start (the org’s lease is held) and still moves on to the next slot', async () => {
    const clock = manualClock(new Date('2024-02-01T05:00:00Z'));
    await saveGithubSettings(
      database.db,
      orgId,
      {
        // Never contacted: the sync stops at the lease.
        baseUrl: 'http://127.0.0.1:9',
        token: 'ghp_fixtureToken0123456789abcdefghijklmn',
        schedule: '0 6 * * *',
        timezone: 'UTC',
        repositories: [{ repo: 'octo/app', team: 'App' }],
      },
      { tokenKey: randomBytes(32), now: clock.now(), actor: systemActor },
    );
    clock.advance(61 * minuteMs);
    await acquireLease(database.db, `github-sync:${orgId}`, 'another-process', clock.now(), 600_000);
    const log = captureLog('warn');
    const scheduler = new GithubSyncScheduler({
      db: database.db,
      clock: clock.now,
      logger: log.logger,
      tokenKey: randomBytes(32),
      userAgent: 'reviewload-test',
      tickMs,
    });

    await scheduler.runDue();

    expect(log.lines()).toEqual([
      expect.objectContaining({
        level: 40,
        msg: 'scheduled GitHub sync did not run',
        orgId,
        error: 'A GitHub sync of this org is already running.',
      }),
    ]);
    const [settings] = await database.db.select().from(githubSettings);
    expect(settings!.nextSyncAt).toEqual(new Date('2024-02-02T06:00:00Z'));
  });

  it('looks for due syncs every tickMs once started, and no more once stopped', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const scheduler = new GithubSyncScheduler({
      db: database.db,
      clock: () => new Date(),
      logger: captureLog('warn').logger,
      tokenKey: undefined,
      userAgent: 'reviewload-test',
      tickMs,
    });
    const runDue = vi.spyOn(scheduler, 'runDue').mockResolvedValue(undefined);
    scheduler.start();
    await vi.advanceTimersByTimeAsync(3 * tickMs);
    expect(runDue).toHaveBeenCalledTimes(3);
    await scheduler.stop();
    await vi.advanceTimersByTimeAsync(3 * tickMs);
    expect(runDue).toHaveBeenCalledTimes(3);
  });
});
