/** Survivors of shared/engine/team-twins.ts that no test can tell from the code (see ../triage.ts). */
import type { Equivalent } from './equivalent';

const file = 'shared/engine/team-twins.ts';

export const teamTwins: Equivalent[] = [
  {
    file,
    line: '  if (a === b) return true;',
    mutator: 'ConditionalExpression',
    replacement: 'false',
    reason:
      'a parameter set compared with itself key by key is equal too (Object.is(NaN, NaN) holds): the test only saves the loop',
  },
  ...(['false', 'true'] as const).map((replacement) => ({
    file,
    line: '  if (Object.keys(a).length !== Object.keys(b).length) return false;',
    mutator: replacement === 'false' ? 'ConditionalExpression' : 'BooleanLiteral',
    replacement,
    reason:
      'parameters compared share a bucket, whose hash takes every parameter value in turn: a parameter more or less (even undefined) gives another hash',
  })),
  {
    file,
    line: '    opsT.length === opsU.length &&',
    mutator: 'ConditionalExpression',
    replacement: 'true',
    reason:
      'teams compared share a bucket, whose hash starts from the number of ops: the lengths are equal here',
  },
  ...[
    'const hashBits = (',
    '  const end = 2 * (from + length);',
    '  let low = h;',
    '  let high = 0;',
    '  for (let i = 2 * from; i < end; i += 2) {',
    '    low = Math.imul(',
    '    high = Math.imul(',
    '  return (low ^ Math.imul(high',
    '  number[0] = ',
    '  return hashBits(h, numberWords',
    '  let h = tl.ops[t]!.length;',
    '  h = hashBits(',
    '  for (const value of Object.values(params)) h = hashValue(h, value);',
    '  return hashBits(h, words.reviewTime',
  ].map((line) => ({
    file,
    line,
    reason:
      'the hash only spreads teams over buckets (speed): teams sharing a bucket are still compared bit by bit',
  })),
  {
    file,
    line: '    if (twin !== undefined) continue;',
    mutator: 'ConditionalExpression',
    replacement: 'false',
    reason: 'a twin added to its bucket comes after its first twin, which find still returns first',
  },
];
