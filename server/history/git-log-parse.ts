/**
 * The fields of one record of
 * `git log --no-merges --shortstat --format='%x1e%H%x1f%aN%x1f%aE%x1f%aI%x1f%cN%x1f%cE%x1f%cI%x1f%B%x1f'`,
 * in order; `shortstat` is what follows the last 0x1f (git's `N files changed, ...` line).
 */
export const gitLogFields = [
  'hash',
  'author_name',
  'author_email',
  'author_date',
  'committer_name',
  'committer_email',
  'committer_date',
  'message',
  'shortstat',
] as const;
export type GitLogField = (typeof gitLogFields)[number];

/** One commit as git printed it; dates in epoch milliseconds. */
export interface GitCommit {
  hash: string;
  authorName: string;
  authorEmail: string;
  authoredAt: number;
  committerName: string;
  committerEmail: string;
  committedAt: number;
  message: string;
  insertions: number;
  deletions: number;
}

/** A record that is not in the expected format: its 1-based number in the input and the field at fault. */
export class GitLogSyntaxError extends Error {
  constructor(
    readonly record: number,
    readonly field: GitLogField | 'input',
    message: string,
  ) {
    super(`record ${record}, ${field}: ${message}`);
    this.name = 'GitLogSyntaxError';
  }
}

const recordSeparator = '\x1e';
const fieldSeparator = '\x1f';
/** Longest record read: a commit message of millions of characters is not a review change. */
const maxRecordChars = 16 * 1024 * 1024;
const hashPattern = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
const isoDate = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:Z|[+-]\d{2}:\d{2})$/;
const shortstatPattern = /^\d+ files? changed(?:, (\d+) insertions?\(\+\))?(?:, (\d+) deletions?\(-\))?$/;

function parseDate(value: string, record: number, field: GitLogField): number {
  const ms = isoDate.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(ms))
    throw new GitLogSyntaxError(record, field, `"${value.slice(0, 40)}" is not an ISO 8601 date`);
  return ms;
}

/** Parses the text of one record (between two 0x1e) numbered `record` (1-based). */
export function parseGitRecord(text: string, record: number): GitCommit {
  const parts = text.split(fieldSeparator);
  if (parts.length < gitLogFields.length) {
    throw new GitLogSyntaxError(record, gitLogFields[parts.length]!, 'missing (too few 0x1f separators)');
  }
  if (parts.length > gitLogFields.length) {
    throw new GitLogSyntaxError(record, 'shortstat', 'unexpected 0x1f separator after the message');
  }
  const [
    hash,
    authorName,
    authorEmail,
    authorDate,
    committerName,
    committerEmail,
    committerDate,
    message,
    tail,
  ] = parts as [string, string, string, string, string, string, string, string, string];
  if (!hashPattern.test(hash)) throw new GitLogSyntaxError(record, 'hash', 'not a 40 or 64 digit hex hash');
  if (!authorName.trim() && !authorEmail.trim())
    throw new GitLogSyntaxError(record, 'author_email', 'the author has neither name nor email');
  const stat = tail.trim();
  const counts = stat ? shortstatPattern.exec(stat) : ['', '0', '0'];
  if (!counts)
    throw new GitLogSyntaxError(record, 'shortstat', `"${stat.slice(0, 60)}" is not a --shortstat line`);
  return {
    hash,
    authorName,
    authorEmail,
    authoredAt: parseDate(authorDate, record, 'author_date'),
    committerName,
    committerEmail,
    committedAt: parseDate(committerDate, record, 'committer_date'),
    message,
    insertions: Number(counts[1] ?? 0),
    deletions: Number(counts[2] ?? 0),
  };
}

/**
 * Splits a git log stream into parsed commits as the bytes arrive: only the record being read is
 * held in memory. Text before the first 0x1e must be blank. Throws {@link GitLogSyntaxError} at
 * the first malformed record.
 */
export async function* parseGitLog(chunks: AsyncIterable<Uint8Array | string>): AsyncGenerator<GitCommit> {
  const decoder = new TextDecoder('utf-8');
  let pending = '';
  let record = 0;
  const flushed = function* (text: string, final: boolean): Generator<GitCommit> {
    const pieces = text.split(recordSeparator);
    const last = final ? pieces.length : pieces.length - 1;
    for (let i = 0; i < last; i++) {
      const piece = pieces[i]!;
      if (record === 0) {
        if (piece.trim()) throw new GitLogSyntaxError(1, 'input', 'text before the first record (0x1e)');
      } else yield parseGitRecord(piece, record);
      record++;
    }
    pending = final ? '' : pieces[pieces.length - 1]!;
  };
  for await (const chunk of chunks) {
    const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    if (text.includes(recordSeparator)) yield* flushed(pending + text, false);
    else pending += text;
    if (pending.length > maxRecordChars)
      throw new GitLogSyntaxError(Math.max(record, 1), 'message', 'record longer than 16 MiB');
  }
  yield* flushed(pending + decoder.decode(), true);
}
