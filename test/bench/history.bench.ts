/**
 * History import benchmark: `npx tsx test/bench/history.bench.ts` (or `npm run bench`). Each case
 * runs in its own child process on a fresh temporary database, so its peak RSS is its own:
 * - the 9,334-commit git history (../shared/data, gzip) read, parsed and stored (target <= 1 s);
 * - 100,000 commits (that history repeated with shifted dates and hashes, a plain file) (target
 *   <= 8 s and <= 300 MB RSS), and reading its weekly series back;
 * - the same-run baseline for both: only gunzip/read the same bytes and split them at 0x1e.
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readGitUpload, storeGitUpload } from '../../server/history/git-upload';
import { gunzip } from '../../server/history/read-git';
import { defaultHistoryRules } from '../../server/history/rules';
import { weeklySeries } from '../../server/history/weekly-series';
import { systemActor } from '../../server/services/audit';
import { createOrgFixture } from '../helpers/api-fixture';
import { gitHistoryFile, gitHistoryText } from '../helpers/git-history-data';
import { createTempDb } from '../helpers/temp-db';
import { recordFigures } from './figures';

interface Measured {
  ms: number;
  weeklyMs?: number;
  commits: number;
  /** Peak RSS of the process after the import (before the weekly read) or the baseline. */
  rssMb: number;
  /** Peak RSS after the weekly series was read as well. */
  weeklyRssMb?: number;
}

const peakRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

/** One case, in this (child) process. */
async function runCase(kind: 'import' | 'baseline', file: string): Promise<Measured> {
  const gzip = file.endsWith('.gz');
  const bytes = () => (gzip ? gunzip(createReadStream(file)) : createReadStream(file));
  if (kind === 'baseline') {
    const started = performance.now();
    const decoder = new TextDecoder();
    let pending = '';
    let records = 0;
    for await (const chunk of bytes()) {
      const pieces = (pending + decoder.decode(chunk as Uint8Array, { stream: true })).split('\x1e');
      records += pieces.length - 1;
      pending = pieces.at(-1)!;
    }
    return { ms: performance.now() - started, commits: records, rssMb: peakRssMb() };
  }
  const database = await createTempDb();
  try {
    const org = await createOrgFixture(database.db, 'bench');
    const now = () => new Date();
    const started = performance.now();
    const upload = await readGitUpload(
      database.db,
      org.id,
      createReadStream(file),
      { gzip, rules: defaultHistoryRules },
      now,
    );
    const summary = await storeGitUpload(
      database.db,
      org.id,
      upload,
      { source: 'git', team: 'Git' },
      now,
      systemActor,
    );
    const ms = performance.now() - started;
    const rssMb = peakRssMb();
    const weeklyStarted = performance.now();
    await weeklySeries(database.db, org.id, { team: 'Git' });
    const weeklyMs = performance.now() - weeklyStarted;
    return { ms, weeklyMs, commits: summary.commits, rssMb, weeklyRssMb: peakRssMb() };
  } finally {
    database.cleanup();
  }
}

/** Writes `count` commits: the history again and again, each pass 4 years later with its own hashes. */
async function writeRepeated(path: string, count: number): Promise<void> {
  const records = gitHistoryText().split('\x1e').slice(1);
  const out = createWriteStream(path);
  const shift = (date: string, years: number) => `${Number(date.slice(0, 4)) + years}${date.slice(4)}`;
  for (let n = 0; n < count; n++) {
    const pass = Math.floor(n / records.length);
    const f = records[n % records.length]!.split('\x1f');
    f[0] = pass.toString(16).padStart(2, '0') + f[0]!.slice(2);
    f[3] = shift(f[3]!, 4 * pass);
    f[6] = shift(f[6]!, 4 * pass);
    if (!out.write(`\x1e${f.join('\x1f')}`)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((resolve) => out.end(resolve));
}

function inChild(kind: string, file: string): Measured {
  const self = fileURLToPath(import.meta.url);
  const run = spawnSync(process.execPath, ['--import', 'tsx', self, '--child', kind, file], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`${kind} ${file} failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').at(-1)!);
}

if (process.argv[2] === '--child') {
  console.log(JSON.stringify(await runCase(process.argv[3] as 'import' | 'baseline', process.argv[4]!)));
} else {
  const folder = mkdtempSync(join(tmpdir(), 'reviewload-history-bench-'));
  try {
    const big = join(folder, 'git-100k.log');
    await writeRepeated(big, 100_000);
    const cases = [
      ['9,334 commits (gzip): import', 'import', gitHistoryFile, '<= 1000 ms'],
      ['9,334 commits (gzip): baseline gunzip + split', 'baseline', gitHistoryFile, ''],
      ['100,000 commits (plain): import', 'import', big, '<= 8000 ms, <= 300 MB'],
      ['100,000 commits (plain): baseline read + split', 'baseline', big, ''],
    ] as const;
    const rows = cases.map(([name, kind, file, target]) => {
      const m = inChild(kind, file);
      console.log(
        `${name.padEnd(48)} ${m.ms.toFixed(0).padStart(6)} ms  ${String(m.rssMb).padStart(4)} MB peak RSS  ${m.commits} commits${m.weeklyMs === undefined ? '' : `  then weekly series read ${m.weeklyMs.toFixed(0)} ms, ${m.weeklyRssMb} MB`}${target ? `  (target ${target})` : ''}`,
      );
      return {
        case: name,
        ms: Math.round(m.ms),
        'peak RSS MB': m.rssMb,
        commits: m.commits,
        'weekly read ms': m.weeklyMs === undefined ? '' : Math.round(m.weeklyMs),
        'peak RSS MB after weekly read': m.weeklyRssMb ?? '',
        target,
      };
    });
    recordFigures(
      'history',
      rows,
      'Each case in its own process on a fresh temporary database: read, parse and store (one transaction; peak RSS measured here, including the process at rest, about 150 MB), then the weekly series read back. Baselines only decompress/read the same bytes and split them at 0x1e.',
    );
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
