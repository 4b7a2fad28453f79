import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { equivalents } from './triage';

const root = new URL('../..', import.meta.url).pathname;

describe('the triaged equivalent mutants', () => {
  it('each name a line their file still has (a stale entry would match nothing and hide nothing)', () => {
    const stale = equivalents
      .filter((e) =>
        readFileSync(`${root}${e.file}`, 'utf8')
          .split('\n')
          .every((line) => !line.startsWith(e.line)),
      )
      .map((e) => `${e.file}: ${e.line.trim()}`);
    expect(stale).toEqual([]);
  });
});
