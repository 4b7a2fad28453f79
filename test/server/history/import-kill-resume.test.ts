import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { eq, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../server/db/client';
import { historyChanges, historyIdentities, historyImports, orgs } from '../../../server/db/schema';
import { readGitUpload, storeGitUpload } from '../../../server/history/git-upload';
import { failAbandonedImports } from '../../../server/history/import-jobs';
import { defaultHistoryRules } from '../../../server/history/rules';
import { weeklySeries } from '../../../server/history/weekly-series';
import { systemActor } from '../../../server/services/audit';
import { gitHistoryFile } from '../../helpers/git-history-data';
import { storedRows } from '../../helpers/stored-history-rows';
import { createTempDb, type TempDatabase } from '../../helpers/temp-db';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const commits = 9334;
let killed: TempDatabase;
let reference: TempDatabase;

const addOrg = async (db: Db) => {
  const id = randomUUID();
  await db.insert(orgs).values({ id, slug: 'kill', name: 'Kill' });
  return id;
};

beforeEach(async () => {
  killed = await createTempDb();
  reference = await createTempDb();
});
afterEach(() => {
  killed.cleanup();
  reference.cleanup();
});

/** The import CLI as ONE node process (no npm or shell between), so SIGKILL reaches the importer itself. */
function startImport(): { child: ChildProcess; exited: Promise<number | null> } {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'server/cli/import.ts',
      'git',
      '--org',
      'kill',
      '--team',
      'Git',
      '--file',
      gitHistoryFile,
    ],
    { cwd: root, env: { ...process.env, DATABASE_URL: killed.url }, stdio: 'ignore' },
  );
  return { child, exited: new Promise((resolve) => child.once('exit', (code) => resolve(code))) };
}

/**
 * Polls the import job of a running import and kills the importer with SIGKILL once `ready`
 * holds for the changes it has read; resolves with that count. Fails if the importer ends first.
 */
async function killWhen(
  run: ReturnType<typeof startImport>,
  ready: (changesRead: number) => boolean,
): Promise<number> {
  let ended = false;
  void run.exited.then(() => {
    ended = true;
  });
  for (;;) {
    const job = await killed.db
      .select({ changesRead: historyImports.changesRead, status: historyImports.status })
      .from(historyImports)
      .orderBy(sql`rowid DESC`)
      .get();
    if (job?.status === 'running' && ready(job.changesRead)) {
      run.child.kill('SIGKILL');
      await run.exited;
      return job.changesRead;
    }
    if (ended) throw new Error('the import ended before the kill point');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** The import jobs, oldest first. */
const jobs = () =>
  killed.db
    .select({ id: historyImports.id, status: historyImports.status, error: historyImports.error })
    .from(historyImports)
    .orderBy(sql`rowid`);

/** A job's error once failed as abandoned (its process stopped before ending it). */
const abandoned = {
  status: 500,
  detail:
    'The process running this import stopped before it finished (killed or crashed); nothing of it was stored. Run the import again.',
  abandoned: true,
};

describe('a git import killed with SIGKILL in its own process', () => {
  it('leaves nothing or everything, its job ends failed as abandoned, and the re-run stores exactly the rows and weeks of an uninterrupted run', async () => {
    const orgId = await addOrg(killed.db);
    const referenceOrg = await addOrg(reference.db);
    const upload = await readGitUpload(
      reference.db,
      referenceOrg,
      createReadStream(gitHistoryFile),
      { gzip: true, rules: defaultHistoryRules },
      () => new Date(),
    );
    await storeGitUpload(
      reference.db,
      referenceOrg,
      upload,
      { source: 'git', team: 'Git' },
      () => new Date(),
      systemActor,
    );

    // Killed while reading (1,000 changes read or more, not all): nothing is stored, and its job,
    // left running, is failed as abandoned since its process is gone.
    expect(await killWhen(startImport(), (n) => n >= 1000 && n < commits)).toBeLessThan(commits);
    expect(await killed.db.$count(historyChanges)).toBe(0);
    const [first] = await jobs();
    expect(first).toMatchObject({ status: 'running' });
    expect(await failAbandonedImports(killed.db)).toEqual([first!.id]);
    expect(await jobs()).toEqual([{ ...first, status: 'failed', error: abandoned }]);

    // Killed once everything is read, while the one transaction stores it: all or nothing.
    await killWhen(startImport(), (n) => n === commits);
    expect([0, commits]).toContain(await killed.db.$count(historyChanges));
    expect((await killed.client.execute('PRAGMA integrity_check')).rows[0]?.[0]).toBe('ok');

    // Run again to the end: starting fails the second killed job, left running; the third is done.
    const again = startImport();
    expect(await again.exited).toBe(0);
    expect((await jobs()).map((j) => [j.status, j.error])).toEqual([
      ['failed', abandoned],
      ['failed', abandoned],
      ['done', null],
    ]);
    expect(await storedRows(killed.db)).toEqual(await storedRows(reference.db));
    expect(await killed.db.$count(historyIdentities, eq(historyIdentities.orgId, orgId))).toBe(
      await reference.db.$count(historyIdentities, eq(historyIdentities.orgId, referenceOrg)),
    );
    expect(await weeklySeries(killed.db, orgId)).toEqual(await weeklySeries(reference.db, referenceOrg));
  }, 300_000);
});
