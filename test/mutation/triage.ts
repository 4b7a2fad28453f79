/**
 * Survivors triaged as equivalent without a `// Stryker disable` comment in the source: files
 * another session is changing (the engine), where a comment would be an edit of their code, and
 * lines where only some replacements are equivalent (a disable comment names mutators, not
 * replacements). Each names the line by a piece of its text, the mutator and the replacement,
 * with why no test can tell the mutant from the code; a line whose text changed no longer matches, and its mutant
 * counts as a survivor again.
 */
import { readFileSync } from 'node:fs';
import { anchorTable } from './equivalents/anchor-table';
import { bands } from './equivalents/bands';
import { type Equivalent, equivalentRows, PAST_TYPED_ARRAY } from './equivalents/equivalent';
import { percentiles } from './equivalents/percentiles';
import { queueOvertime } from './equivalents/queue-overtime';
import { reusedResponses } from './equivalents/reused-responses';
import { teamTwins } from './equivalents/team-twins';
import type { Report } from './event-report';

const ROUNDS =
  'how many acceleration rounds settle the start (round cap, the first round, the 1e-3 stop test, the guard against two rounds with the same residual change), not the fixed point they settle to';

export const equivalents: Equivalent[] = [
  ...equivalentRows('shared/engine/bursty-start.ts', ROUNDS, [
    ['  for (let round = 0; round < MAX_ROUNDS; round++)', 'EqualityOperator', 'round <= MAX_ROUNDS'],
    ['    const mix = round > 0 && norm > 0', 'ConditionalExpression', 'true'],
    ['    const mix = round > 0 && norm > 0', 'LogicalOperator', 'round > 0 || norm > 0'],
    ['    const mix = round > 0 && norm > 0', 'EqualityOperator', 'round >= 0'],
    ['    const mix = round > 0 && norm > 0', 'EqualityOperator', 'norm >= 0'],
    ['    if (Math.abs(fm) <= PRECISION', 'ConditionalExpression', 'false'],
    ['    if (Math.abs(fm) <= PRECISION', 'EqualityOperator', 'Math.abs(fm) < PRECISION * Math.max(1, mean)'],
    ['    if (Math.abs(fm) <= PRECISION', 'ArithmeticOperator', 'PRECISION / Math.max(1, mean)'],
    ['    if (Math.abs(fm) <= PRECISION', 'MethodExpression', 'Math.min(1, mean)'],
    ['    if (Math.abs(fm) <= PRECISION', 'EqualityOperator', 'Math.abs(fs) < PRECISION * Math.max(1, sd)'],
    ['    if (Math.abs(fm) <= PRECISION', 'ArithmeticOperator', 'PRECISION / Math.max(1, sd)'],
    ['    if (Math.abs(fm) <= PRECISION', 'MethodExpression', 'Math.min(1, sd)'],
  ]),
  {
    file: 'shared/engine/step-week.ts',
    line: '  for (let l = 0; l < L; l++) {',
    mutator: 'EqualityOperator',
    replacement: 'l <= L',
    reason:
      'the extra pass writes adoption, deficit and shock at index L of Float64Arrays of length L, which a typed array ignores',
  },
  {
    file: 'shared/engine/closure-scratch.ts',
    line: '  table: { servers: 0, serviceCv2: Number.NaN, values: null },',
    mutator: 'ObjectLiteral',
    replacement: '{}',
    reason:
      'an empty record holds no table either: its undefined servers match no team, so the first lookup fills it as it fills one with values null',
  },
  {
    file: 'shared/engine/count-distribution.ts',
    line: '  if (out.mean === mean && out.variance === variance) return;',
    mutator: 'ConditionalExpression',
    replacement: 'false',
    reason: 'filling the same gamma again writes the same terms: the early return only saves the work',
  },
  {
    file: 'shared/engine/gamma-quadrature.ts',
    line: '    (i) => 1 + 2 * k + spread * Math.cos(theta - (2 * Math.PI * i) / 3),',
    mutator: 'ArithmeticOperator',
    replacement: 'theta + 2 * Math.PI * i / 3',
    reason:
      'cos(theta + 2 pi i / 3) walks the same three roots (i = 1 and 2 swap), and the nodes are sorted next',
  },
  {
    file: 'shared/engine/gamma-quadrature.ts',
    line: '  for (let i = 0; i < 3; i++) weights[i]! /= total;',
    mutator: 'EqualityOperator',
    replacement: 'i <= 3',
    reason: 'the extra pass divides index 3 of a Float64Array of length 3, which a typed array ignores',
  },
  {
    file: 'shared/engine/mean-path.ts',
    line: '    for (let v = 0; v < vector; v++) series[v * W + w] = out[v]!;',
    mutator: 'EqualityOperator',
    replacement: 'v <= vector',
    reason: PAST_TYPED_ARRAY,
  },
  ...[
    '      series.push(twin === i ? meanTeamSeries(tl, t, params[t]!) : series[twin]!);',
    '    bands.push(twin === i ? meanBands(series, W, levelIds) : sharedBands(bands[twin]!));',
  ].map((line) => ({
    file: 'shared/engine/mean-path.ts',
    line,
    mutator: 'ConditionalExpression',
    replacement: 'true',
    reason:
      "a twin has its first twin's inputs (firstTwins): computing its series or bands again gives the same values (speed only)",
  })),
  {
    file: 'shared/engine/monte-carlo.ts',
    line: '    onTeam?.(t);',
    mutator: 'OptionalChaining',
    replacement: 'onTeam(t)',
    reason: 'every caller of simulateTeams passes onTeam (simulateRuns and runSlice)',
  },
  {
    file: 'shared/engine/monte-carlo.ts',
    line: '  for (let i = 0; i < total.length; i++) total[i]! += chunk[i]!;',
    mutator: 'EqualityOperator',
    replacement: 'i <= total.length',
    reason: PAST_TYPED_ARRAY,
  },
  {
    file: 'shared/engine/monte-carlo.ts',
    line: '  for (let teamStart = 0; teamStart < T; teamStart += TEAM_CHUNK) {',
    mutator: 'EqualityOperator',
    replacement: 'teamStart <= T',
    reason:
      'the extra pass, when the team count is a multiple of TEAM_CHUNK, simulates a range of 0 teams, which adds nothing to the sums (speed only)',
  },
  ...anchorTable,
  ...bands,
  ...percentiles,
  ...queueOvertime,
  ...reusedResponses,
  ...teamTwins,
];

/** `report` with the survivors of the list marked Ignored, their reason as Stryker gives a disable comment's. */
export function triaged(report: Report, root: string): Report {
  const files: Report['files'] = {};
  for (const [file, entry] of Object.entries(report.files)) {
    const lines = (entry.source ?? readFileSync(`${root}/${file}`, 'utf8')).split('\n');
    const mutants = entry.mutants.map((m) => {
      const text = lines[m.location.start.line - 1] ?? '';
      const match = equivalents.find(
        (e) =>
          e.file === file &&
          text.startsWith(e.line) &&
          (e.mutator === undefined ||
            (e.mutator === m.mutatorName && e.replacement === (m.replacement ?? ''))),
      );
      return m.status === 'Survived' && match
        ? { ...m, status: 'Ignored', statusReason: `Equivalent (test/mutation/triage.ts): ${match.reason}` }
        : m;
    });
    files[file] = { ...entry, mutants };
  }
  return { files };
}
