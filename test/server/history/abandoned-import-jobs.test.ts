import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { historyImports, orgs } from '../../../server/db/schema';
import { failAbandonedImports } from '../../../server/history/import-jobs';
import { createTempDb, type TempDatabase } from '../../helpers/temp-db';

let database: TempDatabase;
let orgId: string;
beforeEach(async () => {
  database = await createTempDb();
  orgId = randomUUID();
  await database.db.insert(orgs).values({ id: orgId, slug: 'jobs', name: 'Jobs' });
});
afterEach(() => database.cleanup());

const now = new Date('2026-03-02T12:00:00Z');
const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000);

/** A running job of `runner` last alive at `heartbeatAt`; its id. */
async function runningJob(runner: string | null, heartbeatAt: Date | null, kind: 'git' | 'github' = 'git') {
  const id = randomUUID();
  await database.db
    .insert(historyImports)
    .values({ id, orgId, kind, status: 'running', runner, heartbeatAt });
  return id;
}

const statuses = () =>
  database.db
    .select({ id: historyImports.id, status: historyImports.status })
    .from(historyImports)
    .orderBy(sql`rowid`);

describe('failAbandonedImports', () => {
  it('fails at once a running job whose process on this host is gone, else one silent for over 30 minutes', async () => {
    const gone = await runningJob(`${hostname()}:2147483646`, minutesAgo(1));
    const aliveRecent = await runningJob(`${hostname()}:${process.ppid}`, minutesAgo(1));
    const aliveSilent = await runningJob(`${hostname()}:${process.ppid}`, minutesAgo(31));
    const elsewhereRecent = await runningJob('elsewhere:2', minutesAgo(29), 'github');
    const elsewhereSilent = await runningJob('elsewhere:1', minutesAgo(31), 'github');
    const unknownOld = await runningJob(null, null);
    await database.db
      .update(historyImports)
      .set({ createdAt: minutesAgo(60) })
      .where(sql`id = ${unknownOld}`);
    expect((await failAbandonedImports(database.db, now)).sort()).toEqual(
      [gone, aliveSilent, elsewhereSilent, unknownOld].sort(),
    );
    expect(await statuses()).toEqual([
      { id: gone, status: 'failed' },
      { id: aliveRecent, status: 'running' },
      { id: aliveSilent, status: 'failed' },
      { id: elsewhereRecent, status: 'running' },
      { id: elsewhereSilent, status: 'failed' },
      { id: unknownOld, status: 'failed' },
    ]);
  });

  it('says why, leaves finished jobs alone and a second sweep finds nothing', async () => {
    const gone = await runningJob(`${hostname()}:2147483646`, minutesAgo(1), 'github');
    const done = randomUUID();
    await database.db.insert(historyImports).values({ id: done, orgId, kind: 'git', status: 'done' });
    expect(await failAbandonedImports(database.db, now)).toEqual([gone]);
    expect(await failAbandonedImports(database.db, now)).toEqual([]);
    const rows = await database.db
      .select({
        status: historyImports.status,
        error: historyImports.error,
        finishedAt: historyImports.finishedAt,
      })
      .from(historyImports)
      .orderBy(sql`rowid`);
    expect(rows).toEqual([
      {
        status: 'failed',
        error: {
          status: 500,
          detail:
            'The process running this sync stopped before it finished (killed or crashed); the pages it stored are kept, and the next sync resumes after them.',
          abandoned: true,
        },
        finishedAt: now,
      },
      { status: 'done', error: null, finishedAt: null },
    ]);
  });
});
