/**
 * Survivors triaged as equivalent without a `// Stryker disable` comment in the source: files
 * another session is changing (the engine), where a comment would be an edit of their code. Each
 * names the line by a piece of its text, the mutator and the replacement, with why no test can
 * tell the mutant from the code; a line whose text changed no longer matches, and its mutant
 * counts as a survivor again.
 */
import { readFileSync } from 'node:fs';
import type { Report } from './event-report';

interface Equivalent {
  file: string;
  /** How the mutated line starts, indentation included (the same text can start several lines). */
  line: string;
  /**
   * The mutator and replacement; both left out, every survivor of the line: for lines whose
   * only effect is speed (every mutant of them leaves the result alone).
   */
  mutator?: string;
  replacement?: string;
  reason: string;
}

const ROUNDS =
  'how many acceleration rounds settle the start (round cap, the first round, the 1e-3 stop test, the guard against two rounds with the same residual change), not the fixed point they settle to';

const FLOYD_RIVEST =
  "Floyd-Rivest's sampled window only pre-orders part of a[left..right] to save comparisons: the partition loop after it places a[k] whatever the window (speed only; the benches measure it)";
const NARROWING =
  'narrowing a pool only saves work: each way out (a tie at either end, a pool within the slack, the exact selection it falls back to) answers within the slack, all that writeQuantiles promises';
const PAST_TYPED_ARRAY = 'the extra pass writes past the end of a typed array, which ignores the write';

export const equivalents: Equivalent[] = [
  ...[
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
  ].map(([line, mutator, replacement]) => ({
    file: 'shared/engine/bursty-start.ts',
    line: line!,
    mutator: mutator!,
    replacement: replacement!,
    reason: ROUNDS,
  })),
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
    file: 'shared/engine/team-twins.ts',
    line: '    if (x !== b[bFrom + i] || (x === 0 && !Object.is(x, b[bFrom + i]))) return false;',
    mutator: 'ConditionalExpression',
    replacement: 'true',
    reason:
      'Object.is differs from === only at 0 against -0 and at NaN, which x !== b already refuses: x === 0 only saves the call',
  },
  {
    file: 'shared/engine/team-twins.ts',
    line: '  if (a === b) return true;',
    mutator: 'ConditionalExpression',
    replacement: 'false',
    reason:
      'a parameter set compared with itself key by key is equal too (Object.is(NaN, NaN) holds): the test only saves the loop',
  },
  {
    file: 'shared/engine/team-twins.ts',
    line: '    opsT.length === opsU.length &&',
    mutator: 'ConditionalExpression',
    replacement: 'true',
    reason:
      'teams compared share a bucket, whose key holds the number of ops: the lengths are always equal here',
  },
  ...[
    '    if (right - left > 600) {',
    '      const n = right - left + 1;',
    '      const i = k - left + 1;',
    '      const z = Math.log(n);',
    '      const s = 0.5 * Math.exp((2 * z) / 3);',
    '      const sd = 0.5 * Math.sqrt(',
    '      const newLeft = Math.max(left,',
    '      const newRight = Math.min(right,',
    '      selectInPlace(a, newLeft, newRight, k);',
  ].map((line) => ({ file: 'shared/engine/percentiles.ts', line, reason: FLOYD_RIVEST })),
  ...[
    '  while (n > 1) {',
    '    if (rank < atMin || n - 1 <= slack) return min;',
    '    if (rank >= n - atMax) return max;',
  ].map((line) => ({ file: 'shared/engine/percentiles.ts', line, reason: NARROWING })),
  ...(
    [
      ['    for (let i = 0; i < n; i++) {', 'ConditionalExpression', 'false'],
      ['    for (let i = 0; i < n; i++) {', 'EqualityOperator', 'i >= n'],
      ['    for (let i = 0; i < n; i++) {', 'BlockStatement', '{}'],
      ['      if (x < min) {', 'EqualityOperator', 'x <= min'],
      ['      } else if (x > max) {', 'EqualityOperator', 'x >= max'],
      ['      if (x === min) atMin++;', 'ConditionalExpression', 'false'],
      ['      if (x === min) atMin++;', 'UpdateOperator', 'atMin--'],
      ['      if (x === max) atMax++;', 'ConditionalExpression', 'false'],
      ['      if (x === max) atMax++;', 'UpdateOperator', 'atMax--'],
      ['    if (n <= NARROW_SIZE || !Number.isFinite(scale)) break;', 'ConditionalExpression', 'true'],
      ['    if (n <= NARROW_SIZE || !Number.isFinite(scale)) break;', 'EqualityOperator', 'n < NARROW_SIZE'],
      ['    if (n <= NARROW_SIZE || !Number.isFinite(scale)) break;', 'EqualityOperator', 'n > NARROW_SIZE'],
      [
        '    if (n <= NARROW_SIZE || !Number.isFinite(scale)) break;',
        'BooleanLiteral',
        'Number.isFinite(scale)',
      ],
      [
        '    if (n <= NARROW_SIZE || !Number.isFinite(scale)) break;',
        'LogicalOperator',
        'n <= NARROW_SIZE && !Number.isFinite(scale)',
      ],
      ['    if (poolCounts[b] === n) break;', 'ConditionalExpression', 'true'],
      ['    if (narrowed.length < n) narrowed = new Float64Array(n);', 'ConditionalExpression', 'true'],
      [
        '    if (narrowed.length < n) narrowed = new Float64Array(n);',
        'EqualityOperator',
        'narrowed.length <= n',
      ],
    ] as const
  ).map(([line, mutator, replacement]) => ({
    file: 'shared/engine/percentiles.ts',
    line,
    mutator,
    replacement,
    reason: NARROWING,
  })),
  {
    file: 'shared/engine/percentiles.ts',
    line: '  while (right > left) {',
    mutator: 'EqualityOperator',
    replacement: 'right >= left',
    reason: 'a one-value range is in place: the extra pass swaps a[k] with itself and ends the loop',
  },
  {
    file: 'shared/engine/percentiles.ts',
    line: '    if (a[right]! > t) swap(a, right, left);',
    mutator: 'EqualityOperator',
    replacement: 'a[right]! >= t',
    reason: 'a[left] holds the pivot t, so swapping an equal a[right] with it changes nothing',
  },
  {
    file: 'shared/engine/percentiles.ts',
    line: '    while (i < j) {',
    mutator: 'EqualityOperator',
    replacement: 'i <= j',
    reason:
      'at i = j the value there equals the pivot: the extra pass ends one place earlier, still with the pivot between smaller and larger values',
  },
  {
    file: 'shared/engine/percentiles.ts',
    line: '      while (a[i]! < t) i++;',
    mutator: 'EqualityOperator',
    replacement: 'a[i]! <= t',
    reason:
      'values equal to the pivot may lie on either side; i ends the loop once past j, and only j is read after it',
  },
  {
    file: 'shared/engine/percentiles.ts',
    line: '  for (let b = 0; b < range; b++) bins[b]! += spareBins[b]!;',
    mutator: 'EqualityOperator',
    replacement: 'b <= range',
    reason: "bins[range] is outside this call's range, never read, and zeroed by the next call that reads it",
  },
  {
    file: 'shared/engine/percentiles.ts',
    line: '  for (let b = 0; b < range && q < 3; b++) {',
    mutator: 'EqualityOperator',
    replacement: 'b <= range',
    reason: 'every rank is below n, reached by the last bin: the loop ends on q = 3 before b reaches range',
  },
  {
    file: 'shared/engine/percentiles.ts',
    line: '  for (let b = 0; b < range && q < 3; b++) {',
    mutator: 'ConditionalExpression',
    replacement: 'true',
    reason: 'every rank is below n, reached by the last bin: the loop ends on q = 3 before b reaches range',
  },
  {
    file: 'shared/engine/percentiles.ts',
    line: '  for (let b = 0; b < range && q < 3; b++) {',
    mutator: 'LogicalOperator',
    replacement: 'b < range || q < 3',
    reason: 'past q = 3 the loop only adds counts (speed only)',
  },
  {
    file: 'shared/engine/percentiles.ts',
    line: '  for (let b = 0; b < range && q < 3; b++) {',
    mutator: 'EqualityOperator',
    replacement: 'q <= 3',
    reason: 'past q = 3 the loop only adds counts (speed only)',
  },
  {
    file: 'shared/engine/percentiles.ts',
    line: '    while (q < 3 && ranks[q]! < seen) out[q++] = low + b;',
    mutator: 'ConditionalExpression',
    replacement: 'true',
    reason: 'ranks[3] holds n, which no count exceeds: the loop stops at q = 3 anyway',
  },
  {
    file: 'shared/engine/percentiles.ts',
    line: '    while (q < 3 && ranks[q]! < seen) out[q++] = low + b;',
    mutator: 'EqualityOperator',
    replacement: 'q <= 3',
    reason: 'ranks[3] holds n, which no count exceeds: the loop stops at q = 3 anyway',
  },
  {
    file: 'shared/engine/percentiles.ts',
    line: '  if (tags.length < n) {',
    mutator: 'ConditionalExpression',
    replacement: 'true',
    reason: 'new scratch arrays on every call: speed only',
  },
  {
    file: 'shared/engine/percentiles.ts',
    line: '  if (tags.length < n) {',
    mutator: 'EqualityOperator',
    replacement: 'tags.length <= n',
    reason: 'new scratch arrays when just big enough: speed only',
  },
  {
    file: 'shared/engine/percentiles.ts',
    line: '  for (let k = 0; k < BUCKETS; k++) counts[k]! += spare[k]!;',
    mutator: 'EqualityOperator',
    replacement: 'k <= BUCKETS',
    reason: PAST_TYPED_ARRAY,
  },
  {
    file: 'shared/engine/percentiles.ts',
    line: '  for (let q = 0; q < 3; q++) {',
    mutator: 'EqualityOperator',
    replacement: 'q <= 3',
    reason:
      'the fourth pass scans to the end of counts and writes target[3] and offset[3], past typed arrays of length 3, which ignore it',
  },
  ...(
    [
      ['    if (x < low) low = x;', 'EqualityOperator', 'x <= low'],
      ['    else if (x > high) high = x;', 'EqualityOperator', 'x >= high'],
    ] as const
  ).map(([line, mutator, replacement]) => ({
    file: 'shared/engine/percentiles.ts',
    line,
    mutator,
    replacement,
    reason: 'a value equal to the bound sets the bound to itself',
  })),
  {
    file: 'shared/engine/percentiles.ts',
    line: '  if (ranks[3] !== n) {',
    mutator: 'ConditionalExpression',
    replacement: 'true',
    reason: 'the ranks recomputed on every call are the same ranks: speed only',
  },
  {
    file: 'shared/engine/percentiles.ts',
    line: '  if (low === high) {',
    mutator: 'ConditionalExpression',
    replacement: 'false',
    reason: 'a constant series gets that constant from the counting or the selection path too',
  },
  {
    file: 'shared/engine/percentiles.ts',
    line: '  } else if (Number.isFinite(TOP_BUCKET / (high - low))) {',
    reason: 'only picks bucketing or exact selection for samples not counted: both answer within the slack',
  },
  ...[
    'const rowSum = (values: ArrayLike<number>, from: number, length: number): number => {',
    '  for (let i = 0; i < length; i++) sum += values[from + i]!;',
    '    const key = [',
    '      rowSum(',
    "    ].join(',');",
  ].map((line) => ({
    file: 'shared/engine/team-twins.ts',
    line,
    reason:
      'row sums only spread teams over buckets (speed): teams sharing a bucket are still compared value by value',
  })),
  {
    file: 'shared/engine/team-twins.ts',
    line: '    if (twin !== undefined) continue;',
    mutator: 'ConditionalExpression',
    replacement: 'false',
    reason: 'a twin added to its bucket comes after its first twin, which find still returns first',
  },
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
