/** Survivors of shared/engine/anchor-table.ts and start-queue.ts that no test can tell from the code (see ../triage.ts). */
import type { Equivalent } from './equivalent';
import { equivalentRows } from './equivalent';

const HELD =
  '  if (held.values === null || held.servers !== r.servers || held.serviceCv2 !== r.serviceCv2) {';

export const anchorTable: Equivalent[] = [
  ...equivalentRows(
    'shared/engine/anchor-table.ts',
    'how many tables are kept before all are dropped (MAX_TABLES = 4096 keys, which no forecast of a test reaches): a table is a pure function of its key, so dropping them only rebuilds (speed and memory only)',
    [
      ['    if (tableCount >= MAX_TABLES) {', 'ConditionalExpression', 'true'],
      ['    if (tableCount >= MAX_TABLES) {', 'ConditionalExpression', 'false'],
      ['    if (tableCount >= MAX_TABLES) {', 'EqualityOperator', 'tableCount > MAX_TABLES'],
      ['    if (tableCount >= MAX_TABLES) {', 'EqualityOperator', 'tableCount < MAX_TABLES'],
      ['    tableCount++;', 'UpdateOperator', 'tableCount--'],
    ],
  ),
  ...equivalentRows(
    'shared/engine/anchor-table.ts',
    'looks the held table up again though the team size and cv^2 are the same: the same table (speed only)',
    [
      [HELD, 'ConditionalExpression', 'true'],
      [HELD, 'EqualityOperator', 'held.values !== null'],
    ],
  ),
  {
    file: 'shared/engine/anchor-table.ts',
    line: '    bySize = [];',
    mutator: 'ArrayDeclaration',
    replacement: '["Stryker was here"]',
    reason:
      'the string sits at index 0, and a team has at least 1 whole reviewer (step-week takes max(1, round(reviewers)))',
  },
  ...[
    '  for (let step = 0; step < MAX_STEPS; step++) {',
    '      if (kept > 0) highGap /= 2;',
    '      if (kept < 0) lowGap /= 2;',
    '    if (gap === 0 || Number.isNaN(gap) || high - low <= OVERTIME_PRECISION) return !Number.isNaN(gap);',
  ].map((line) => ({
    file: 'shared/engine/start-queue.ts',
    line,
    reason:
      'how many regula falsi steps find the sustained overtime (the step cap, the Illinois halving, the stop test; the gap is never NaN inside the bracket, whose loads are at most 95%), not the root they bracket within 1e-4 h (speed only)',
  })),
];
