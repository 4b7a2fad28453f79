import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gitChange } from '../../../server/history/git-change';
import { GitLogSyntaxError, parseGitLog } from '../../../server/history/git-log-parse';
import { defaultHistoryRules } from '../../../server/history/rules';

const hashA = 'a'.repeat(40);
const hashB = 'b'.repeat(40);

/** One record as `git log --shortstat --format='%x1e%H%x1f...%x1f%B%x1f'` prints it. */
function record(fields: {
  hash?: string;
  author?: [string, string];
  authorDate?: string;
  committer?: [string, string];
  commitDate?: string;
  message?: string;
  stat?: string;
}): string {
  const [an, ae] = fields.author ?? ['Ann', 'ann@example.org'];
  const [cn, ce] = fields.committer ?? ['Ian', 'ian@example.org'];
  return [
    `\x1e${fields.hash ?? hashA}`,
    an,
    ae,
    fields.authorDate ?? '2024-01-01T10:00:00+02:00',
    cn,
    ce,
    fields.commitDate ?? '2024-01-02T10:00:00-07:00',
    fields.message ?? 'subject\n\nSigned-off-by: Ann <ann@example.org>\n',
    `\n\n ${fields.stat ?? '2 files changed, 5 insertions(+), 1 deletion(-)'}\n`,
  ].join('\x1f');
}

async function parseAll(chunks: string[]) {
  const commits = [];
  for await (const commit of parseGitLog(
    (async function* () {
      yield* chunks.map((c) => new TextEncoder().encode(c));
    })(),
  ))
    commits.push(commit);
  return commits;
}

async function syntaxError(text: string): Promise<GitLogSyntaxError> {
  try {
    await parseAll([text]);
  } catch (error) {
    if (error instanceof GitLogSyntaxError) return error;
    throw error;
  }
  throw new Error('parsed without error');
}

describe('parseGitLog', () => {
  it('reads every field of a record, with dates in UTC milliseconds and the shortstat counts', async () => {
    const [commit] = await parseAll([record({})]);
    expect(commit).toEqual({
      hash: hashA,
      authorName: 'Ann',
      authorEmail: 'ann@example.org',
      authoredAt: Date.UTC(2024, 0, 1, 8),
      committerName: 'Ian',
      committerEmail: 'ian@example.org',
      committedAt: Date.UTC(2024, 0, 2, 17),
      message: 'subject\n\nSigned-off-by: Ann <ann@example.org>\n',
      insertions: 5,
      deletions: 1,
    });
  });

  it('reads a commit without a shortstat line (no file changed) as zero lines', async () => {
    const full = record({});
    const text = `${full.slice(0, full.lastIndexOf('\x1f'))}\x1f\n`;
    const [commit] = await parseAll([text]);
    expect([commit?.insertions, commit?.deletions]).toEqual([0, 0]);
  });

  it('gives the same commits however the bytes are cut into chunks, even inside a UTF-8 character', async () => {
    const text =
      record({ author: ['Zoë Ünal', 'zoe@example.org'] }) +
      record({ hash: hashB, stat: '1 file changed, 3 deletions(-)' });
    const bytes = new TextEncoder().encode(text);
    const whole = await parseAll([text]);
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.integer({ min: 1, max: bytes.length - 1 }), { maxLength: 12 }),
        async (cuts) => {
          const points = [0, ...cuts.sort((a, b) => a - b), bytes.length];
          const pieces = points.slice(1).map((end, i) => bytes.slice(points[i], end));
          const commits = [];
          for await (const c of parseGitLog(
            (async function* () {
              yield* pieces;
            })(),
          ))
            commits.push(c);
          expect(commits).toEqual(whole);
        },
      ),
      { numRuns: 60 },
    );
    expect(whole.map((c) => c.authorName)).toEqual(['Zoë Ünal', 'Ann']);
  });

  it.each([
    ['a short hash', record({}) + record({ hash: 'abc123' }), 2, 'hash'],
    ['a bad author date', record({ authorDate: 'yesterday' }), 1, 'author_date'],
    [
      'a bad committer date',
      record({}) + record({ hash: hashB, commitDate: '2024-13-45T00:00:00Z' }),
      2,
      'committer_date',
    ],
    ['a garbled shortstat', record({ stat: 'lots of changes' }), 1, 'shortstat'],
    [
      'a record cut after the author email',
      `${record({})}\x1e${hashB}\x1fAnn\x1fann@example.org`,
      2,
      'author_date',
    ],
    ['text before the first record', `hello${record({})}`, 1, 'input'],
  ])('names record and field of %s', async (_, text, number, field) => {
    const error = await syntaxError(text);
    expect([error.record, error.field]).toEqual([number, field]);
  });
});

describe('gitChange', () => {
  const change = async (fields: Parameters<typeof record>[0], rules = defaultHistoryRules) =>
    gitChange((await parseAll([record(fields)]))[0]!, rules);

  it('is signed off by a committer other than the author, with review trailers as further reviewers', async () => {
    const result = await change({
      message:
        'subject\n\nbody\n\nReviewed-by: Rita <RITA@example.org>\nAcked-by: Ann <ann@example.org>\nAcked-by: Ian <ian@example.org>\nSigned-off-by: Ian <ian@example.org>\n',
    });
    expect(result?.change).toMatchObject({
      author: 'ann@example.org',
      signer: 'ian@example.org',
      reviewers: ['rita@example.org'],
      firstReviewAt: Date.UTC(2024, 0, 2, 17),
      signedOffAt: Date.UTC(2024, 0, 2, 17),
      aiAssisted: false,
      lines: 6,
    });
  });

  it('has no signer and no first review when the author committed it alone', async () => {
    const result = await change({ committer: ['ANN', 'Ann@Example.org'] });
    expect(result?.change).toMatchObject({ signer: null, reviewers: [], firstReviewAt: null });
  });

  it.each([
    ['Assisted-by: Claude Opus 4.6', true],
    ['Assisted-by: Opus 4.7', true],
    ['Co-Authored-By: Claude Sonnet 4.6 <noreply@anthropic.com>', true],
    ['Generated-by: GitHub Copilot', true],
    ['Co-authored-by: Dev 0008 <dev0008@example.invalid>', false],
    ['Helped-by: ChatGPT', false],
  ])('reads "%s" as AI-assisted: %s', async (trailer, expected) => {
    const result = await change({ message: `subject\n\n${trailer}\nSigned-off-by: Ann <ann@example.org>\n` });
    expect(result?.change.aiAssisted).toBe(expected);
  });

  it('leaves out bot authors by default and keeps them when asked', async () => {
    const bot = {
      author: ['dependabot[bot]', '49699333+dependabot[bot]@users.noreply.github.com'] as [string, string],
    };
    expect(await change(bot)).toBeNull();
    expect((await change(bot, { ...defaultHistoryRules, includeBots: true }))?.change.author).toBe(
      '49699333+dependabot[bot]@users.noreply.github.com',
    );
  });
});
