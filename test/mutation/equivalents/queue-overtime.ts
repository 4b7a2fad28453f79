/** Survivors of shared/engine/queue-overtime.ts and overtime-week.ts that no test can tell from the code (see ../triage.ts). */
import { type Equivalent, equivalentRows } from './equivalent';

const CONSTANT_RULE = '  if (offset >= cap || !(slope > 0) || !(at.share > NEGLIGIBLE)) {';
const PAST_BEND = '    if (!(from.share > NEGLIGIBLE)) {';
const NO_CAP = '  if (!(rule.cap > 0)) {';

export const queueOvertime: Equivalent[] = [
  ...equivalentRows(
    'shared/engine/queue-overtime.ts',
    'the general path gives what the shortcut gives at its edges: at offset = cap the band to the cap is empty (cap x P(N > n)); with slope 0 the levels are n and infinity (offset x P(N > n), or 0 below 0); with no cap every level clips to 0; a share below 1e-9 only adds terms below 1e-9 (speed only)',
    [
      [CONSTANT_RULE, 'EqualityOperator', 'offset > cap'],
      [CONSTANT_RULE, 'ConditionalExpression', 'true'],
      [CONSTANT_RULE, 'EqualityOperator', 'slope >= 0'],
      [CONSTANT_RULE, 'EqualityOperator', 'at.share >= NEGLIGIBLE'],
      ['  if (offset >= 0) {', 'EqualityOperator', 'offset > 0'],
      [PAST_BEND, 'ConditionalExpression', 'false'],
      [PAST_BEND, 'ConditionalExpression', 'true'],
      [PAST_BEND, 'EqualityOperator', 'from.share >= NEGLIGIBLE'],
      [PAST_BEND, 'BlockStatement', '{}'],
      [NO_CAP, 'ConditionalExpression', 'false'],
      [NO_CAP, 'ConditionalExpression', 'true'],
      [NO_CAP, 'EqualityOperator', 'rule.cap >= 0'],
      [NO_CAP, 'BlockStatement', '{}'],
    ],
  ),
  ...equivalentRows(
    'shared/engine/queue-overtime.ts',
    'a module scratch record every call writes before it reads it',
    [['const partial = { hours: 0, weighted: 0 };', 'ObjectLiteral', '{}']],
  ),
  ...equivalentRows(
    'shared/engine/overtime-week.ts',
    'a module scratch record every call writes before it reads it',
    [
      ['const settled: QueueWeekResult = { backlog: 0, completed: 0 };', 'ObjectLiteral', '{}'],
      ['const settledCapacity: OvertimeCapacity = { hours: 0, busy: 0 };', 'ObjectLiteral', '{}'],
    ],
  ),
];
