/**
 * Last step of `npm run mutation`: turns Stryker's JSON report into docs/figures/mutation.json, a
 * score per mutated folder with the surviving and the ignored (equivalent) mutants listed. Folders
 * this run did not mutate keep their rows from the previous file.
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { type FigureRow, type Figures, figuresDir } from '../bench/figures';

interface ReportMutant {
  mutatorName: string;
  replacement?: string;
  status: string;
  statusReason?: string;
  location: { start: { line: number } };
}

interface Report {
  files: Record<string, { mutants: ReportMutant[] }>;
}

/** One mutant named by place and change, with why it is ignored when it is. */
interface Listed {
  at: string;
  mutator: string;
  replacement: string;
  reason?: string;
}

interface MutationFigures extends Figures {
  survivors: Listed[];
  equivalents: Listed[];
}

const reportFile = 'reports/mutation/mutation.json';
const out = join(figuresDir, 'mutation.json');
const detected = new Set(['Killed', 'Timeout']);
const undetected = new Set(['Survived', 'NoCoverage']);

/** Left out by `ignoreStatic` (module-level constants), as opposed to marked equivalent in the source. */
const isStatic = (m: ReportMutant) =>
  m.status === 'Ignored' && (m.statusReason ?? '').startsWith('Static mutant');

const listed = (file: string, m: ReportMutant): Listed => ({
  at: `${file}:${m.location.start.line}`,
  mutator: m.mutatorName,
  replacement: m.replacement ?? '',
  ...(m.statusReason ? { reason: m.statusReason } : {}),
});

/** Score row of one folder: Stryker's score, detected / (detected + undetected); errors and ignored mutants excluded. */
function folderRow(folder: string, mutants: ReportMutant[], measured: string): FigureRow {
  const count = (status: string) => mutants.filter((m) => m.status === status).length;
  const found = mutants.filter((m) => detected.has(m.status)).length;
  const missed = mutants.filter((m) => undetected.has(m.status)).length;
  return {
    folder,
    mutants: mutants.length,
    killed: count('Killed'),
    'timed out': count('Timeout'),
    survived: count('Survived'),
    'no coverage': count('NoCoverage'),
    'equivalent (ignored)': mutants.filter((m) => m.status === 'Ignored' && !isStatic(m)).length,
    'static, not run': mutants.filter(isStatic).length,
    errors: count('CompileError') + count('RuntimeError'),
    'score %': found + missed === 0 ? '' : Math.round((1000 * found) / (found + missed)) / 10,
    measured,
  };
}

const report = JSON.parse(readFileSync(reportFile, 'utf8')) as Report;
const measuredAt = new Date().toISOString();
/** When Stryker wrote the report, that is when its run ended. */
const ranAt = statSync(reportFile).mtime.toISOString();
const byFolder = new Map<string, { file: string; mutant: ReportMutant }[]>();
for (const [file, { mutants }] of Object.entries(report.files)) {
  const folder = dirname(file);
  const entries = byFolder.get(folder) ?? [];
  entries.push(...mutants.map((mutant) => ({ file, mutant })));
  byFolder.set(folder, entries);
}

const previous: MutationFigures | undefined = existsSync(out)
  ? JSON.parse(readFileSync(out, 'utf8'))
  : undefined;
const inRun = (at: string) => byFolder.has(dirname(at.split(':')[0]!));
const kept = (rows: FigureRow[] = []) => rows.filter((row) => !byFolder.has(String(row.folder)));
const all = [...byFolder.values()].flat();
const pick = (statuses: Set<string>) =>
  all.filter(({ mutant }) => statuses.has(mutant.status)).map(({ file, mutant }) => listed(file, mutant));

const figures: MutationFigures = {
  name: 'mutation',
  measuredAt,
  note: 'StrykerJS (`npm run mutation`), perTest coverage, tests of vitest.mutation.config.ts; no type checker (TypeScript 7 has no compiler API for it). server/services = sessions.ts and api-tokens.ts only. Score = (killed + timed out) / (killed + timed out + survived + no coverage); equivalent mutants (a `// Stryker disable` comment with its reason) and static ones left out by ignoreStatic do not count. A row is measured when its Stryker run ended. Survivors and reasons are listed in docs/figures/mutation.json.',
  rows: [
    ...kept(previous?.rows),
    ...[...byFolder].map(([folder, entries]) =>
      folderRow(
        folder,
        entries.map((e) => e.mutant),
        `${ranAt.slice(0, 16)}Z`,
      ),
    ),
  ].sort((a, b) => String(a.folder).localeCompare(String(b.folder))),
  survivors: [...(previous?.survivors ?? []).filter((m) => !inRun(m.at)), ...pick(undetected)],
  equivalents: [
    ...(previous?.equivalents ?? []).filter((m) => !inRun(m.at)),
    ...all
      .filter(({ mutant }) => mutant.status === 'Ignored' && !isStatic(mutant))
      .map(({ file, mutant }) => listed(file, mutant)),
  ],
};
writeFileSync(out, `${JSON.stringify(figures, null, 2)}\n`);
console.log(`Wrote ${out}.`);
for (const row of figures.rows) console.log(`${row.folder}: ${row['score %']}% (${row.survived} survived)`);
