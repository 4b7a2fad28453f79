import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { engineers, historyChanges, orgs } from '../../../server/db/schema';
import { gitHistoryFile, gitHistoryText } from '../../helpers/git-history-data';
import { gitLogAt } from '../../helpers/small-git-log';
import { createTempDb, type TempDatabase } from '../../helpers/temp-db';

const root = fileURLToPath(new URL('../../..', import.meta.url));
let database: TempDatabase;
let folder: string;

beforeEach(async () => {
  database = await createTempDb();
  await database.db.insert(orgs).values({ id: randomUUID(), slug: 'cli', name: 'CLI' });
  folder = mkdtempSync(join(tmpdir(), 'reviewload-git-'));
});
afterEach(() => {
  database.cleanup();
  rmSync(folder, { recursive: true, force: true });
});

const runImport = (...args: string[]) =>
  spawnSync('npm', ['run', '-s', 'import', '--', 'git', '--org', 'cli', ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: database.url },
    encoding: 'utf8',
    timeout: 120_000,
  });

const lastLine = (stdout: string) => JSON.parse(stdout.trim().split('\n').at(-1) ?? '');

/** Runs git in `folder` with fixed identities and dates, without a shell. */
function git(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync('git', args, {
    cwd: folder,
    encoding: 'utf8',
    env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: folder, ...env },
  });
  if (result.status !== 0) throw new Error(result.stderr);
}

describe('npm run import -- git', () => {
  it('imports the real history file and ends with the JSON summary', () => {
    const records = gitHistoryText().split('\x1e').slice(1);
    const days = records.map((r) => new Date(r.split('\x1f')[6]!).toISOString().slice(0, 10)).sort();
    const result = runImport('--file', gitHistoryFile);
    expect(result.status, result.stderr).toBe(0);
    const summary = lastLine(result.stdout);
    expect(Object.keys(summary)).toEqual([
      'commits',
      'people',
      'matched',
      'unmatched',
      'weeks',
      'from',
      'to',
    ]);
    expect(summary).toMatchObject({ commits: 9334, matched: 0, from: days[0], to: days.at(-1) });
    expect(summary.unmatched).toBe(summary.people);
  });

  it('runs git log on a clone, attaches the team and derives its roster', async () => {
    git(['init', '-q', '-b', 'main']);
    const commit = (
      message: string,
      author: string,
      authorDate: string,
      committer: string,
      commitDate: string,
    ) => {
      writeFileSync(join(folder, `${randomUUID()}.txt`), 'one\ntwo\n');
      git(['add', '.']);
      const [an, ae] = author.split(':') as [string, string];
      const [cn, ce] = committer.split(':') as [string, string];
      git(['commit', '-q', '-m', message], {
        GIT_AUTHOR_NAME: an,
        GIT_AUTHOR_EMAIL: ae,
        GIT_AUTHOR_DATE: authorDate,
        GIT_COMMITTER_NAME: cn,
        GIT_COMMITTER_EMAIL: ce,
        GIT_COMMITTER_DATE: commitDate,
      });
    };
    commit('old', 'Ann:ann@x.org', '2023-12-01T10:00:00Z', 'Ann:ann@x.org', '2023-12-01T10:00:00Z');
    commit('first', 'Ann:ann@x.org', '2024-01-01T10:00:00Z', 'Ian:ian@x.org', '2024-01-02T10:00:00Z');
    commit(
      'second\n\nAssisted-by: Claude Opus 4.6',
      'Bo:BO@x.org',
      '2024-01-09T10:00:00Z',
      'Ian:ian@x.org',
      '2024-01-15T09:00:00Z',
    );
    const result = runImport('--repo', folder, '--since', '2023-12-15', '--team', 'Core', '--derive-roster');
    expect(result.status, result.stderr).toBe(0);
    // Two commits since 2023-12-15; Ann, Ian and Bo; weeks of 2024-01-01, -08 and -15.
    expect(lastLine(result.stdout)).toEqual({
      commits: 2,
      people: 3,
      matched: 3,
      unmatched: 0,
      weeks: 3,
      from: '2024-01-02',
      to: '2024-01-15',
    });
    const roster = await database.db
      .select({ id: engineers.externalId, level: engineers.level })
      .from(engineers)
      .orderBy(engineers.externalId);
    expect(roster).toEqual([
      { id: 'ann@x.org', level: 'senior' },
      { id: 'bo@x.org', level: 'mid' },
      { id: 'ian@x.org', level: 'principal' },
    ]);
  });

  it('counts weeks and dates in the org’s time zone: Sunday 20:00 and Monday 02:00 UTC are one New York week', async () => {
    const file = join(folder, 'sunday-night.log');
    writeFileSync(file, gitLogAt('2024-01-07T20:00:00+00:00', '2024-01-08T02:00:00+00:00'));
    const runIn = async (zone: string) => {
      await database.db.update(orgs).set({ timeZone: zone }).where(eq(orgs.slug, 'cli'));
      const result = runImport('--file', file);
      expect(result.status, result.stderr).toBe(0);
      return lastLine(result.stdout);
    };
    const both = { commits: 2, people: 2, matched: 0, unmatched: 2 };
    // New York (EST): Sunday 15:00 and 21:00, the week of Monday 2024-01-01.
    expect(await runIn('America/New_York')).toEqual({
      ...both,
      weeks: 1,
      from: '2024-01-07',
      to: '2024-01-07',
    });
    // UTC: Sunday 2024-01-07 in the week of 2024-01-01, Monday 2024-01-08 in the next.
    expect(await runIn('UTC')).toEqual({ ...both, weeks: 2, from: '2024-01-07', to: '2024-01-08' });
  });

  it('exits 1 naming the malformed record and stores nothing', async () => {
    const file = join(folder, 'bad.log');
    writeFileSync(
      file,
      `\x1e${'a'.repeat(40)}\x1fAnn\x1fann@x.org\x1fnot a date\x1fAnn\x1fann@x.org\x1f2024-01-01T00:00:00Z\x1fm\n\x1f\n`,
    );
    const result = runImport('--file', file);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('record 1, author_date');
    expect(await database.db.$count(historyChanges, eq(historyChanges.key, 'a'.repeat(40)))).toBe(0);
  });

  it('exits 2 with the usage line when neither --file nor --repo is given', () => {
    const result = runImport();
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('usage: npm run import');
  });
});
