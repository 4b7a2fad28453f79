/**
 * Last step of `npm run mutation`: turns Stryker's JSON report into docs/figures/mutation.json, a
 * score per mutated file and folder with the surviving and the ignored (equivalent) mutants listed.
 * Files this run did not mutate keep their figures from the previous file, so runs of different
 * MUTATION_SCOPEs add up to the folders' scores.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { type FigureRow, type Figures, figuresDir } from '../bench/figures';
import { overlay, PENDING, type Report, type ReportMutant, reportFromEvents } from './event-report';
import { triaged } from './triage';

/** One mutant named by place and change, with why it is ignored when it is. */
interface Listed {
  at: string;
  mutator: string;
  replacement: string;
  reason?: string;
}

interface MutationFigures extends Figures {
  /** One row per file of the scope, the same columns as the folder rows and the run it comes from; files not yet measured say so. */
  detail?: FigureRow[];
  /** Written by earlier versions: the per-file rows, read as `detail`. */
  files?: FigureRow[];
  survivors: Listed[];
  equivalents: Listed[];
}

/** The report of the MUTATION_RUN or MUTATION_SCOPE just run (see stryker.config.mjs). */
const run = process.env.MUTATION_RUN ?? process.env.MUTATION_SCOPE ?? 'all';
const reportFile = `reports/mutation/${run}.json`;
/**
 * MUTATION_FROM_EVENTS=1: figures of a run stopped early, from its event log (the files it finished);
 * MUTATION_SOURCE_COMMIT=<commit> names the commit the run mutated when its files changed since.
 */
const fromEvents = process.env.MUTATION_FROM_EVENTS === '1';
const out = join(figuresDir, 'mutation.json');
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

const counted = [
  'mutants',
  'killed',
  'timed out',
  'survived',
  'no coverage',
  'equivalent (ignored)',
  'static, not run',
  'errors',
] as const;

/** Stryker's score, detected / (detected + undetected); errors and ignored mutants excluded. */
const score = (row: FigureRow): number | '' => {
  const found = Number(row.killed) + Number(row['timed out']);
  const missed = Number(row.survived) + Number(row['no coverage']);
  return found + missed === 0 ? '' : Math.round((1000 * found) / (found + missed)) / 10;
};

/** Counts of one file's mutants by outcome, with its score and when and in which run (MUTATION_RUN, and its re-checks) it was measured. */
function fileRow(file: string, mutants: ReportMutant[], measured: string, runName: string): FigureRow {
  const count = (status: string) => mutants.filter((m) => m.status === status).length;
  const row: FigureRow = {
    file,
    mutants: mutants.length,
    killed: count('Killed'),
    'timed out': count('Timeout'),
    survived: count('Survived'),
    'no coverage': count('NoCoverage'),
    'equivalent (ignored)': mutants.filter((m) => m.status === 'Ignored' && !isStatic(m)).length,
    'static, not run': mutants.filter(isStatic).length,
    errors: count('CompileError') + count('RuntimeError'),
  };
  return { ...row, 'score %': score(row), measured, run: runName };
}

/** The rows of the files in one folder summed, measured from the earliest to the latest of their runs. */
function folderRow(folder: string, files: FigureRow[]): FigureRow {
  const row: FigureRow = { folder, files: files.length };
  for (const key of counted) row[key] = files.reduce((sum, file) => sum + Number(file[key]), 0);
  const times = files.map((file) => String(file.measured)).sort();
  const [first, last] = [times[0] ?? '', times.at(-1) ?? ''];
  return { ...row, 'score %': score(row), measured: first === last ? first : `${first} to ${last}` };
}

const readReport = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Report;
/** MUTATION_RECHECK=<run>[,<run>...]: those re-checks' results laid over this run's, in order (measured when the last ended). */
const recheckFiles = (process.env.MUTATION_RECHECK ?? '')
  .split(',')
  .filter(Boolean)
  .map((name) => `reports/mutation/${name}.json`);
const measured = fromEvents
  ? reportFromEvents(
      `reports/mutation/events-${run}`,
      process.cwd(),
      process.env.MUTATION_SOURCE_COMMIT,
      recheckFiles.length > 0,
    )
  : // When Stryker wrote the report, that is when its run ended.
    { report: readReport(reportFile), endedAt: statSync(reportFile).mtime };
const rechecked = recheckFiles.reduce(
  (done, file) => ({
    report: overlay(done.report, readReport(file)),
    endedAt: statSync(file).mtime,
  }),
  measured,
);
/**
 * MUTATION_MUTATED=file,file: the files the run mutated (its `--mutate` list). Stryker's report
 * leaves out a file it instruments with no mutant (types only, or an `as const` list; its log says
 * "Instrumented N source file(s) with 0 mutant(s)"), so such a file is given a row of 0 mutants
 * from this run instead of staying "not yet measured".
 */
const withoutMutants = (process.env.MUTATION_MUTATED ?? '')
  .split(',')
  .filter((file) => file !== '' && !(file in rechecked.report.files))
  .map((file) => [file, { mutants: [] }] as const);
/** Files with every mutant tested (by the run or its re-checks), survivors of test/mutation/triage.ts's list counted as equivalent. */
const report = triaged(
  {
    files: Object.fromEntries([
      ...Object.entries(rechecked.report.files).filter(([, { mutants }]) =>
        mutants.every((m) => m.status !== PENDING),
      ),
      ...withoutMutants,
    ]),
  },
  process.cwd(),
);
const endedAt = rechecked.endedAt;
const measuredAt = new Date().toISOString();
const ranAt = `${endedAt.toISOString().slice(0, 16)}Z`;
const inReport = (file: string) => file in report.files;

const previous: MutationFigures | undefined = existsSync(out)
  ? JSON.parse(readFileSync(out, 'utf8'))
  : undefined;
const runName = [run, ...(process.env.MUTATION_RECHECK ?? '').split(',').filter(Boolean)].join(' + ');
/** A file of the scope no run has measured yet. */
const notMeasured = (row: FigureRow) => row.mutants === '';
const files = [
  ...(previous?.detail ?? previous?.files ?? []).filter(
    (row) => !notMeasured(row) && !inReport(String(row.file)),
  ),
  ...Object.entries(report.files).map(([file, { mutants }]) => fileRow(file, mutants, ranAt, runName)),
].sort((a, b) => String(a.file).localeCompare(String(b.file)));
/** Every file `npm run mutation` mutates (stryker.config.mjs's scope "all"). */
const scopeFiles = [
  ...['server/middleware', 'server/scheduler', 'shared/engine'].flatMap((folder) =>
    readdirSync(folder)
      .filter((name) => name.endsWith('.ts'))
      .map((name) => `${folder}/${name}`),
  ),
  'server/services/api-tokens.ts',
  'server/services/sessions.ts',
];
const unmeasured: FigureRow[] = scopeFiles
  .filter((file) => !files.some((row) => row.file === file))
  .map((file) => ({ file, mutants: '', measured: 'not yet measured' }));
const byFolder = new Map<string, FigureRow[]>();
for (const row of files) {
  const folder = dirname(String(row.file));
  byFolder.set(folder, [...(byFolder.get(folder) ?? []), row]);
}
/** Folders measured before per-file figures were kept, and not since. */
const kept = (previous?.rows ?? []).filter((row) => !byFolder.has(String(row.folder)));
const inRun = (at: string) => inReport(at.split(':')[0] ?? '');
const all = Object.entries(report.files).flatMap(([file, { mutants }]) =>
  mutants.map((mutant) => ({ file, mutant })),
);
const pick = (statuses: Set<string>) =>
  all.filter(({ mutant }) => statuses.has(mutant.status)).map(({ file, mutant }) => listed(file, mutant));

const figures: MutationFigures = {
  name: 'mutation',
  measuredAt,
  note: 'StrykerJS (`npm run mutation`; MUTATION_SCOPE=access|middleware|scheduler|engine runs one part against its own tests), perTest coverage, tests of vitest.mutation.config.ts; no type checker: @stryker-mutator/typescript-checker needs the TypeScript compiler API, which TypeScript 7 does not ship, so mutants that would not type-check run like the others. server/services = sessions.ts and api-tokens.ts only. Score = (killed + timed out) / (killed + timed out + survived + no coverage); equivalent mutants (a `// Stryker disable` comment with its reason, or in the engine, which another session is changing, an entry of test/mutation/triage.ts with its reason) and, on the server, static ones left out by ignoreStatic (module-level constants such as the permission table, which test/server/access-policy.test.ts pins as a literal table) do not count. A folder sums the files measured so far (its files column; the others are not measured yet); a file is measured when its Stryker run ended, or its re-check (MUTATION_RECHECK) did; a re-check runs only some test files, so its result replaces that of the run unless the run found that mutant more surely (killed over timed out over survived). Since 2026-12-01 03:00Z, files are run in small batches against their own tests only (MUTATION_TESTS: the unit tests of the engine files, without the oracle comparison; the own test files of each middleware), and the static mutants of server/middleware (the security header policy, the body limit, the rate limiter key cap) are run too (MUTATION_STATIC=1) instead of left out. From 16:28Z the engine runs (m3, f1, f5, f6b) used the engine unit tests without the oracle comparison, bursty-arrivals and the slowest forecast files (mean-path, monte-carlo, percentiles, slices, scenario, team-parameters), and a run stopped mid-file is completed by re-checks of the lines it did not reach (f1 + f5 + f6b for step-week, f6b with the own tests of the step-week figures: feedback-loops, answers-by-hand, sign-off demand, monte-carlo-runs, overtime start, events, bursty start, active reviewer share, engine helpers, org week). From 19:20Z, each run mutates one file (`--mutate`, timeoutMS 5000) against the few test files that import it or reach it (MUTATION_TESTS, named per run in the commit that lands its figures), and test/mutation/triage.ts may mark every survivor of a line whose only effect is speed. The second table gives each file of the scope with the run it comes from (MUTATION_RUN and its re-checks; figures kept from before that column have none) or says it is not yet measured; a file of 0 mutants is one a run mutated (MUTATION_MUTATED) and Stryker found nothing to mutate in (types only, or an `as const` list); survivors and the reasons for equivalents are listed in docs/figures/mutation.json.',
  rows: [...kept, ...[...byFolder].map(([folder, rows]) => folderRow(folder, rows))]
    .map(
      (row): FigureRow => ({
        ...row,
        'files in scope': scopeFiles.filter((file) => dirname(file) === row.folder).length,
      }),
    )
    .sort((a, b) => String(a.folder).localeCompare(String(b.folder))),
  detail: [...files, ...unmeasured].sort((a, b) => String(a.file).localeCompare(String(b.file))),
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
