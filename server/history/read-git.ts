import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import type { ImportedChange } from './change';
import { gitChange } from './git-change';
import { parseGitLog } from './git-log-parse';
import type { HistoryRules } from './rules';

/** What an upload holds: its changes (bots left out), everyone named, and how many bot commits were left out. */
export interface ReadHistory {
  changes: ImportedChange[];
  /** Identity -> display name (the last one seen). */
  people: Map<string, string>;
  bots: number;
}

const mib = 1024 * 1024;
/** `limit` bytes as people read it: whole MiB, else bytes. */
const byteSize = (limit: number) => (limit % mib === 0 ? `${limit / mib} MiB` : `${limit} bytes`);

/** Too many bytes: `limit` in bytes, `what` says which count (`upload`, `uncompressed`). */
export class TooLargeError extends Error {
  constructor(
    readonly limit: number,
    readonly what: string,
  ) {
    super(`the ${what} is larger than ${byteSize(limit)}`);
    this.name = 'TooLargeError';
  }
}

/** Passes chunks through, counting bytes; throws {@link TooLargeError} past `limit`. */
export async function* countBytes(
  chunks: AsyncIterable<Uint8Array>,
  limit: number,
  what: string,
  onBytes?: (total: number) => void,
): AsyncGenerator<Uint8Array> {
  let total = 0;
  for await (const chunk of chunks) {
    total += chunk.byteLength;
    if (total > limit) throw new TooLargeError(limit, what);
    onBytes?.(total);
    yield chunk;
  }
}

/** The decompressed bytes of a gzip stream; a corrupt stream throws when read. */
export function gunzip(chunks: AsyncIterable<Uint8Array>): AsyncIterable<Uint8Array> {
  const output = createGunzip();
  pipeline(Readable.from(chunks), output).catch(() => undefined);
  return output;
}

/**
 * Copies of strings, one per distinct value. Fields cut out of a record are slices that keep the
 * whole decoded record (message included) alive; keeping a copy instead lets each record go, and people's names and
 * emails, repeated in every commit, are stored once.
 */
function interner() {
  const seen = new Map<string, string>();
  return (value: string): string => {
    let copy = seen.get(value);
    if (copy === undefined) {
      copy = Buffer.from(value, 'utf8').toString('utf8');
      seen.set(copy, copy);
    }
    return copy;
  };
}

/** A copy of a commit hash that holds no reference to its record's text. */
const ownHash = (hash: string) => Buffer.from(hash, 'latin1').toString('latin1');

/**
 * Reads a git log (the exact format) into changes as it streams: the commit messages
 * are dropped once their trailers are read, so memory grows with the number of commits, not
 * with the bytes. `onChange` is told the running count every 1,000 changes.
 */
export async function readGitHistory(
  text: AsyncIterable<Uint8Array | string>,
  rules: HistoryRules,
  onChange?: (count: number) => void | Promise<void>,
): Promise<ReadHistory> {
  const read: ReadHistory = { changes: [], people: new Map(), bots: 0 };
  const own = interner();
  for await (const commit of parseGitLog(text)) {
    const result = gitChange(commit, rules);
    if (!result) {
      read.bots++;
      continue;
    }
    const { change } = result;
    read.changes.push({
      ...change,
      key: ownHash(change.key),
      author: own(change.author),
      authorName: own(change.authorName),
      signer: change.signer === null ? null : own(change.signer),
      reviewers: change.reviewers.map(own),
    });
    for (const person of result.people) read.people.set(own(person.identity), own(person.name));
    if (onChange && read.changes.length % 1000 === 0) await onChange(read.changes.length);
  }
  return read;
}
