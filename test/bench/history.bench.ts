/**
 * History import benchmark: `npx tsx test/bench/history.bench.ts` (or `npm run bench`). Each case
 * runs in its own child process on a fresh temporary database, so its peak RSS is its own:
 * - the 9,334-commit git history (../shared/data, gzip) read, parsed and stored (target <= 1 s);
 * - 100,000 commits (that history repeated with shifted dates and hashes, a plain file) (target
 *   <= 8 s and <= 300 MB RSS), and reading its weekly series back;
 * - the same-run baseline for both: only gunzip/read the same bytes and find each 0x1e byte.
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
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
  /** CPU time of the process (user + system, all threads) over the same span as `ms`. */
  cpuMs: number;
  weeklyMs?: number;
  commits: number;
  /** Peak RSS of the process after the import (before the weekly read) or the baseline. */
  rssMb: number;
  /** Peak RSS after the weekly series was read as well. */
  weeklyRssMb?: number;
}

const peakRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);
const cpuMsSince = (start: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
};

/** One case, in this (child) process. */
async function runCase(kind: 'import' | 'baseline', file: string): Promise<Measured> {
  const gzip = file.endsWith('.gz');
  const bytes = () => (gzip ? gunzip(createReadStream(file)) : createReadStream(file));
  if (kind === 'baseline') {
    const started = performance.now();
    const cpu = process.cpuUsage();
    let records = 0;
    for await (const chunk of bytes()) {
      const buffer = chunk as Buffer;
      for (let at = buffer.indexOf(0x1e); at >= 0; at = buffer.indexOf(0x1e, at + 1)) records++;
    }
    return { ms: performance.now() - started, cpuMs: cpuMsSince(cpu), commits: records, rssMb: peakRssMb() };
  }
  const database = await createTempDb();
  try {
    const org = await createOrgFixture(database.db, 'bench');
    const now = () => new Date();
    const started = performance.now();
    const cpu = process.cpuUsage();
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
    const cpuMs = cpuMsSince(cpu);
    const rssMb = peakRssMb();
    const weeklyStarted = performance.now();
    await weeklySeries(database.db, org.id, { team: 'Git' });
    const weeklyMs = performance.now() - weeklyStarted;
    return { ms, cpuMs, weeklyMs, commits: summary.commits, rssMb, weeklyRssMb: peakRssMb() };
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
      ['9,334 commits (gzip): baseline gunzip + find 0x1e', 'baseline', gitHistoryFile, ''],
      ['100,000 commits (plain): import', 'import', big, '<= 8000 ms, <= 300 MB'],
      ['100,000 commits (plain): baseline read + find 0x1e', 'baseline', big, ''],
    ] as const;
    const rows = cases.map(([name, kind, file, target]) => {
      const load = loadavg()[0]!.toFixed(1);
      const m = inChild(kind, file);
      console.log(
        `${name.padEnd(48)} ${m.ms.toFixed(0).padStart(6)} ms (CPU ${m.cpuMs.toFixed(0)} ms, load ${load})  ${String(m.rssMb).padStart(4)} MB peak RSS  ${m.commits} commits${m.weeklyMs === undefined ? '' : `  then weekly series read ${m.weeklyMs.toFixed(0)} ms, ${m.weeklyRssMb} MB`}${target ? `  (target ${target})` : ''}`,
      );
      return {
        case: name,
        ms: Math.round(m.ms),
        'CPU ms': Math.round(m.cpuMs),
        'load avg (1 min)': load,
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
      "Each case in its own process on a fresh temporary database: read, parse and store (one transaction; peak RSS measured here, including the process at rest, about 150 MB), then the weekly series read back. Baselines only decompress/read the same bytes and find each record's 0x1e byte. CPU ms: user + system time of the case process over the timed span; load avg: the machine's 1-minute load average (2 cores, shared) just before the case started. Timings on a loaded machine are inflated; CPU time much less so.",
    );
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
