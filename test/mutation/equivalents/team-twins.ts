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
    '  let sum = 0;',
    '  for (let i = 2 * from; i < end; i++) sum = (sum + words[i]!) | 0;',
    '  return (Math.imul(h, 0x01000193) ^ sum) | 0;',
    'const paramsSum = (',
    '  for (const value of Object.values(params)) {',
    '    number[0] = ',
    '    sum = (sum + numberWords[0]! + numberWords[1]!) | 0;',
    '  return sum;',
    'const teamHash = (',
    '  let h = tl.ops[t]!.length ^ paramsSum(params);',
    '  h = hashBits(',
    '  return hashBits(h, words.reviewTime',
  ].map((line) => ({
    file,
    line,
    reason:
      'the hash only spreads teams over buckets (speed): teams sharing a bucket are still compared bit by bit (the tests of values in another order reach that comparison)',
  })),
  {
    file,
    line: '    if (twin !== undefined) continue;',
    mutator: 'ConditionalExpression',
    replacement: 'false',
    reason: 'a twin added to its bucket comes after its first twin, which find still returns first',
  },
];
