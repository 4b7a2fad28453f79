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

/** 0x1e, the byte that starts each record. */
const recordByte = 0x1e;
const fieldSeparator = '\x1f';
/** Longest record read: a commit message of millions of characters is not a review change. */
const maxRecordBytes = 16 * 1024 * 1024;
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

/** The bytes of `pieces` joined, without a copy when there is one. */
const joined = (pieces: readonly Buffer[]): Buffer =>
  pieces.length === 1 ? pieces[0]! : Buffer.concat(pieces);

/**
 * Splits a git log stream into parsed commits as the bytes arrive: only the record being read is
 * held in memory. Records are cut at the 0x1e byte (never part of a multi-byte UTF-8 character)
 * and each is decoded on its own, so its strings share nothing with the chunk it came in:
 * searching decoded chunks for 0x1e costs several times the decoding itself. Text before the
 * first 0x1e must be blank. Throws {@link GitLogSyntaxError} at the first malformed record.
 */
export async function* parseGitLog(chunks: AsyncIterable<Uint8Array | string>): AsyncGenerator<GitCommit> {
  const pending: Buffer[] = [];
  let pendingBytes = 0;
  let record = 0;
  const take = (bytes: Buffer): GitCommit | null => {
    const text = bytes.toString('utf8');
    const number = record++;
    if (number > 0) return parseGitRecord(text, number);
    if (text.trim()) throw new GitLogSyntaxError(1, 'input', 'text before the first record (0x1e)');
    return null;
  };
  for await (const chunk of chunks) {
    const bytes =
      typeof chunk === 'string'
        ? Buffer.from(chunk, 'utf8')
        : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let start = 0;
    for (let end = bytes.indexOf(recordByte); end >= 0; end = bytes.indexOf(recordByte, start)) {
      pending.push(bytes.subarray(start, end));
      const commit = take(joined(pending));
      pending.length = 0;
      pendingBytes = 0;
      if (commit) yield commit;
      start = end + 1;
    }
    if (start < bytes.length) {
      pending.push(bytes.subarray(start));
      pendingBytes += bytes.length - start;
    }
    if (pendingBytes > maxRecordBytes)
      throw new GitLogSyntaxError(Math.max(record, 1), 'message', 'record longer than 16 MiB');
  }
  const last = take(joined(pending));
  if (last) yield last;
}
