/** Survivors of shared/engine/team-twins.ts that no test can tell from the code (see ../triage.ts). */
import type { Equivalent } from './equivalent';

export const teamTwins: Equivalent[] = [
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
  ...(['false', 'true'] as const).map((replacement) => ({
    file: 'shared/engine/team-twins.ts',
    line: '  if (Object.keys(a).length !== Object.keys(b).length) return false;',
    mutator: replacement === 'false' ? 'ConditionalExpression' : 'BooleanLiteral',
    replacement,
    reason:
      'parameters compared share a bucket, whose key lists every parameter value: a parameter more or less (even undefined) gives another key',
  })),
  {
    file: 'shared/engine/team-twins.ts',
    line: '    opsT.length === opsU.length &&',
    mutator: 'ConditionalExpression',
    replacement: 'true',
    reason:
      'teams compared share a bucket, whose key holds the number of ops: the lengths are always equal here',
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
  ...['      ...(tl.teamChangesPerWeek[t] ?? tl.changesPerWeek),', '      ...Object.values(params[t]!),'].map(
    (line) => ({
      file: 'shared/engine/team-twins.ts',
      line,
      reason:
        'own change rates and parameters in the key only spread teams over buckets (speed): teams sharing a bucket are still compared value by value',
    }),
  ),
  {
    file: 'shared/engine/team-twins.ts',
    line: '    if (twin !== undefined) continue;',
    mutator: 'ConditionalExpression',
    replacement: 'false',
    reason: 'a twin added to its bucket comes after its first twin, which find still returns first',
  },
];
