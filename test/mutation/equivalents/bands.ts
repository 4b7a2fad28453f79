/** Survivors of shared/engine/bands.ts that no test can tell from the code (see ../triage.ts). */
import { type Equivalent, equivalentRows } from './equivalent';

const PREALLOCATION =
  'new Array(weeks) only preallocates: every week of the band is written before it is read';

export const bands: Equivalent[] = [
  ...equivalentRows('shared/engine/bands.ts', PREALLOCATION, [
    ['    p10: new Array(weeks),', 'ArrayDeclaration', 'new Array()'],
    ['    p50: new Array(weeks),', 'ArrayDeclaration', 'new Array()'],
    ['    p90: new Array(weeks),', 'ArrayDeclaration', 'new Array()'],
    ['      const values: number[] = new Array(weeks);', 'ArrayDeclaration', 'new Array()'],
  ]),
  {
    file: 'shared/engine/bands.ts',
    line: '    for (let r = at; r < at + runs; r++) samples[r] = Math.fround(samples[r]!);',
    mutator: 'EqualityOperator',
    replacement: 'r <= at + runs',
    reason:
      'rounds one sample more: the next entry’s first, which its own pass rounds again (Math.fround is idempotent), or one past the end of the typed array, which ignores the write',
  },
];
