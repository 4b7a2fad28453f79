import fc from 'fast-check';

/** Arrays and objects nested `depth` levels deep. */
const deep = (depth: number): unknown => {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = i % 2 ? { a: value } : [value];
  return value;
};

/** Odd strings: lone surrogates, NUL, bidi and combining marks, path, template and formula syntax, long runs. */
const oddStrings = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      '\uD800',
      '\uDFFF',
      'a\u0000b',
      '\u202E\u202D',
      'e\u0301\u0301\u0301',
      '\uFEFF',
      '../../etc/passwd',
      '%00',
      '$\u007Bx}',
      '{{x}}',
      '<script>',
      "' OR 1=1 --",
      '=1+1',
      'NaN',
      'Infinity',
      '-0',
      '1e309',
      '0x10',
      ' ',
      '',
    ),
  },
  { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 8_000 }).map((n) => 'x'.repeat(n)) },
);

/** A hostile JSON value: wrong types, huge and negative numbers, NaN strings, deep nesting, odd unicode, nulls. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  oddStrings,
  fc.constantFrom(
    null,
    true,
    false,
    0,
    -1,
    -1e308,
    1e308,
    2 ** 53 + 1,
    -(2 ** 31),
    0.1,
    Number.MAX_SAFE_INTEGER,
  ),
  fc.double({ noNaN: true }),
  fc.integer({ min: 0, max: 3 }).map((k) => [[], {}, deep(64), deep(1_000)][k]),
  fc.array(oddStrings, { maxLength: 5 }),
  fc.dictionary(oddStrings, oddStrings, { maxKeys: 4 }),
);

/** A hostile path or query value (always text, at most 2,000 characters). */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  oddStrings.map((s) => s.slice(0, 2_000)),
  fc.constantFrom('-1', '0', '99999999999999999999', 'NaN', '1.5', 'null', 'true', '[]', '..%2f..', '%2e%2e'),
);

/**
 * A body for a JSON schema: either a hostile value in place of the whole body, or an object with
 * the schema's properties, each kept absent or replaced by a hostile value, plus unknown fields.
 */
export function hostileBody(
  schema: { properties?: Record<string, unknown> } | undefined,
): fc.Arbitrary<unknown> {
  const keys = Object.keys(schema?.properties ?? {});
  const shaped = fc
    .tuple(
      fc.record(Object.fromEntries(keys.map((k) => [k, fc.option(hostileValue, { nil: undefined })]))),
      fc.dictionary(fc.string({ maxLength: 8 }), hostileValue, { maxKeys: 3 }),
    )
    .map(([known, unknown]) => ({ ...unknown, ...known }));
  return fc.oneof({ weight: 3, arbitrary: shaped }, { weight: 1, arbitrary: hostileValue });
}
