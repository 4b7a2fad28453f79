/** Survivors of shared/engine/anchor-table.ts that no test can tell from the code (see ../triage.ts). */
import { type Equivalent, equivalentRows } from './equivalent';

/** A table is a pure function of its key (the file's own doc), so when tables are dropped only changes how often one is built. */
const REBUILT =
  'how many tables are kept before all are dropped (MAX_TABLES = 4096 keys, which no forecast of a test reaches): a table is a pure function of its key, so dropping them only rebuilds (speed and memory only)';

export const anchorTable: Equivalent[] = equivalentRows('shared/engine/anchor-table.ts', REBUILT, [
  ['    if (tableCount >= MAX_TABLES) {', 'ConditionalExpression', 'true'],
  ['    if (tableCount >= MAX_TABLES) {', 'ConditionalExpression', 'false'],
  ['    if (tableCount >= MAX_TABLES) {', 'EqualityOperator', 'tableCount > MAX_TABLES'],
  ['    if (tableCount >= MAX_TABLES) {', 'EqualityOperator', 'tableCount < MAX_TABLES'],
  ['    tableCount++;', 'UpdateOperator', 'tableCount--'],
]);
