/** Survivors of shared/engine/percentiles.ts that no test can tell from the code (see ../triage.ts). */
import { type Equivalent, equivalentRows, PAST_TYPED_ARRAY } from './equivalent';

const FLOYD_RIVEST =
  "Floyd-Rivest's sampled window only pre-orders part of a[left..right] to save comparisons: the partition loop after it places a[k] whatever the window (speed only; the benches measure it)";
const NARROWING =
  'narrowing a pool only saves work: each way out (a tie at either end, a pool within the slack, the exact selection it falls back to) answers within the slack, all that writeQuantiles promises';

export const percentiles: Equivalent[] = [
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
  ...equivalentRows('shared/engine/percentiles.ts', NARROWING, [
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
  ]),
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
  ...equivalentRows('shared/engine/percentiles.ts', 'a value equal to the bound sets the bound to itself', [
    ['    if (x < low) low = x;', 'EqualityOperator', 'x <= low'],
    ['    else if (x > high) high = x;', 'EqualityOperator', 'x >= high'],
  ]),
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
];
