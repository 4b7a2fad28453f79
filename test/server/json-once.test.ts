import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonOnce } from '../../server/services/json-once';

describe('jsonOnce', () => {
  it("gives JSON.stringify's text for any JSON value", () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => jsonOnce(value) === JSON.stringify(value)));
  });

  it("gives JSON.stringify's text for an object holding one array many times, skipping undefined fields", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double()),
        fc.dictionary(fc.string(), fc.constantFrom('shared', 'none', 'nested')),
        (values, layout) => {
          const band = { p10: values, p50: values, p90: values };
          const value = Object.fromEntries(
            Object.entries(layout).map(([key, kind]) => [
              key,
              kind === 'shared' ? band : kind === 'nested' ? { band, again: values } : undefined,
            ]),
          );
          return jsonOnce(value) === JSON.stringify(value);
        },
      ),
    );
    expect(jsonOnce({ a: [1, Number.NaN, -0, 1e21], b: undefined, c: null })).toBe(
      '{"a":[1,null,0,1e+21],"c":null}',
    );
  });
});
