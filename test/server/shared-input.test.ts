import { describe, expect, it } from 'vitest';
import { compiledContext, sharedInputOf, shareInput } from '../../server/services/shared-input';
import { answerContext, forecastInputSchema } from '../../shared/index';
import { inputWith, storyEvents, teamsOf } from '../shared/fixtures';

const inputOf = (teams: number) =>
  forecastInputSchema.parse(inputWith(storyEvents, { runs: 20, horizonWeeks: 6 }, teamsOf(teams)));

describe('an input shared with the engine threads', () => {
  it('reads back as the input it was, the same object for every slice of one sharing, a new one for the next', () => {
    const input = inputOf(3);
    const shared = shareInput(input);
    expect(shared.bytes).toBeInstanceOf(SharedArrayBuffer);
    const read = sharedInputOf(shared);
    expect(read).toEqual(input);
    expect(read).not.toBe(input);
    expect(sharedInputOf(shared)).toBe(read);
    const other = shareInput(inputOf(4));
    expect(other.key).not.toBe(shared.key);
    expect(sharedInputOf(other).org.teams).toHaveLength(4);
    const again = sharedInputOf(shared);
    expect(again).not.toBe(read);
    expect(again).toEqual(input);
  });

  it('compiles an input once per object, into what answerContext compiles', () => {
    const input = inputOf(5);
    const ctx = compiledContext(input);
    expect(compiledContext(input)).toBe(ctx);
    expect(ctx).toEqual(answerContext(input));
    expect(compiledContext(structuredClone(input))).not.toBe(ctx);
  });
});
