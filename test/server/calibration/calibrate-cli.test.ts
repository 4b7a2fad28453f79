import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calibrations, orgs } from '../../../server/db/schema';
import { smallGitLog } from '../../helpers/small-git-log';
import { createTempDb, type TempDatabase } from '../../helpers/temp-db';

const root = fileURLToPath(new URL('../../..', import.meta.url));
let database: TempDatabase;
let folder: string;

const npm = (...args: string[]) =>
  spawnSync('npm', ['run', '-s', ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: database.url },
    encoding: 'utf8',
    timeout: 120_000,
  });

beforeAll(async () => {
  database = await createTempDb();
  await database.db.insert(orgs).values({ id: randomUUID(), slug: 'cli', name: 'CLI' });
  folder = mkdtempSync(join(tmpdir(), 'reviewload-calibrate-'));
  const file = join(folder, 'history.log');
  writeFileSync(file, smallGitLog());
  const imported = npm(
    'import',
    '--',
    'git',
    '--org',
    'cli',
    '--file',
    file,
    '--team',
    'Core',
    '--derive-roster',
  );
  expect(imported.status, imported.stderr).toBe(0);
}, 120_000);
afterAll(() => {
  database.cleanup();
  rmSync(folder, { recursive: true, force: true });
});

describe('npm run calibrate', () => {
  it('prints the calibration JSON of a team and stores it', async () => {
    const result = npm('calibrate', '--', '--org', 'cli', '--team', 'Core', '--json');
    expect(result.status, result.stderr).toBe(0);
    const printed = JSON.parse(result.stdout.trim().split('\n').at(-1)!);
    // 30 weeks, the last (from 2026-07-27) partial: the history ends on its Thursday. 29 weeks
    // leave origins at weeks 8 to 28
    expect(printed).toMatchObject({ team: 'Core', backtest: { origins: 21, horizonWeeks: 12 } });
    expect(printed.provenance.partialWeek).toBe('2026-07-27');
    expect(Object.keys(printed)).toEqual([
      'id',
      'team',
      'fitted',
      'fitWeeks',
      'defaults',
      'backtest',
      'actuals',
      'provenance',
    ]);
    expect(printed.actuals[0]).toEqual({
      week: '2026-01-05',
      authored: 6,
      aiAssisted: 0,
      signoffDemand: 3,
      signoffsCompleted: 3,
      open: 0,
      medianHoursToSignoff: 24,
    });
    expect(await database.db.$count(calibrations)).toBe(1);
  }, 120_000);

  it('fails with a message for an unknown team or org', () => {
    const team = npm('calibrate', '--', '--org', 'cli', '--team', 'Nope', '--json');
    expect(team.status).toBe(1);
    expect(team.stderr).toContain('No team named "Nope"');
    const org = npm('calibrate', '--', '--org', 'none');
    expect(org.status).toBe(1);
    expect(org.stderr).toContain('No org with slug "none"');
  }, 120_000);
});
