/**
 * A Stryker report rebuilt from the event recorder's files (reports/mutation/events-<scope>), for a
 * run stopped before it wrote its JSON report: only files whose every planned mutant was tested.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface ReportMutant {
  id: string;
  mutatorName: string;
  replacement?: string;
  status: string;
  statusReason?: string;
  location: { start: { line: number; column: number } };
}

export interface Report {
  files: Record<string, { source?: string; mutants: ReportMutant[] }>;
}

interface PlannedMutant extends Omit<ReportMutant, 'status'> {
  fileName: string;
}

/** The status of a planned mutant the run did not get to (see reportFromEvents' `unfinished`). */
export const PENDING = 'Pending';

/** A file's text as it is now, or at `commit`. */
const sourceOf = (root: string, file: string, commit?: string): string =>
  commit
    ? execFileSync('git', ['show', `${commit}:${file}`], { cwd: root, encoding: 'utf8' })
    : readFileSync(join(root, file), 'utf8');

const read = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;

/**
 * The finished files of the run recorded in `dir`, and when its last mutant was tested; with
 * `unfinished`, the other files too, their untested mutants {@link PENDING} (for re-checks of
 * the lines the run did not reach to be laid over them).
 */
export function reportFromEvents(
  dir: string,
  root: string,
  commit?: string,
  unfinished = false,
): { report: Report; endedAt: Date } {
  const names = readdirSync(dir).sort();
  const planFile = names.find((name) => name.endsWith('-onMutationTestingPlanReady.json'));
  if (!planFile) throw new Error(`${dir} holds no mutation testing plan`);
  const plan = read<{ mutantPlans: { mutant: PlannedMutant }[] }>(join(dir, planFile));
  const tested = new Map<string, ReportMutant>();
  for (const name of names.filter((n) => n.endsWith('-onMutantTested.json'))) {
    const mutant = read<ReportMutant>(join(dir, name));
    tested.set(mutant.id, mutant);
  }
  const pending = new Map<string, ReportMutant>();
  for (const { mutant } of plan.mutantPlans) {
    const { id, mutatorName, replacement, location } = mutant;
    // The plan counts lines and columns from 0, the tested mutants (and reports) from 1.
    const start = { line: location.start.line + 1, column: location.start.column + 1 };
    pending.set(id, { id, mutatorName, replacement, location: { start }, status: PENDING });
  }
  const planned = new Map<string, string[]>();
  for (const { mutant } of plan.mutantPlans) {
    const file = relative(root, mutant.fileName);
    planned.set(file, [...(planned.get(file) ?? []), mutant.id]);
  }
  const files: Report['files'] = {};
  for (const [file, ids] of planned) {
    const mutants = ids.map((id) => tested.get(id) ?? (unfinished ? pending.get(id) : undefined));
    // The source the run mutated (at `commit` when it changed since): a re-check and the triage
    // list find these mutants by the text of their lines.
    if (mutants.every((m) => m !== undefined))
      files[file] = { source: sourceOf(root, file, commit), mutants };
  }
  const endedAt = new Date(Math.max(...names.map((name) => statSync(join(dir, name)).mtimeMs)));
  return { report: { files }, endedAt };
}

/**
 * A mutant named by the text of its line and which line of that text it is (so lines added since
 * do not matter, and a loop header written twice names two lines), column and change.
 */
const keyer = (source: string | undefined) => {
  const seen = new Map<string, number>();
  const lines = (source ?? '').split('\n').map((line) => {
    const text = line.trim();
    const nth = (seen.get(text) ?? 0) + 1;
    seen.set(text, nth);
    return `${text}#${nth}`;
  });
  return (m: ReportMutant) =>
    `${lines[m.location.start.line - 1]}:${m.location.start.column}:${m.mutatorName}:${m.replacement ?? ''}`;
};

/** How surely a run found a mutant: killed by a test, timed out (a hang, or a slow machine), or not. */
const found = (m: ReportMutant) => (m.status === 'Killed' ? 2 : m.status === 'Timeout' ? 1 : 0);

/**
 * `report` with the results of a re-check (a run of some lines with `--mutate file:lines`, after
 * tests were added) laid over the same mutants; mutants the re-check did not run keep their result,
 * and so does a mutant the run found more surely than the re-check (killed against timed out or
 * survived): a re-check runs only some test files (those added, those of its lines), and the
 * suite holds the run's too.
 */
export function overlay(report: Report, recheck: Report): Report {
  const files: Report['files'] = {};
  for (const [file, { source, mutants }] of Object.entries(report.files)) {
    const again = recheck.files[file];
    const key = keyer(source);
    const keyAgain = keyer(again?.source);
    const results = new Map((again?.mutants ?? []).map((m) => [keyAgain(m), m]));
    // The source is kept, so a further re-check can be laid over this one.
    const laid = (m: ReportMutant, again = results.get(key(m))) =>
      again === undefined || found(again) < found(m) ? m : again;
    files[file] = { source, mutants: mutants.map((m) => laid(m)) };
  }
  return { files };
}
