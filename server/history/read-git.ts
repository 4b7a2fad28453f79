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

/** Too many bytes: `limit` in bytes, `what` says which count (`upload`, `uncompressed`). */
export class TooLargeError extends Error {
  constructor(
    readonly limit: number,
    readonly what: string,
  ) {
    super(`the ${what} is larger than ${Math.round(limit / 1024 / 1024)} MiB`);
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
  for await (const commit of parseGitLog(text)) {
    const result = gitChange(commit, rules);
    if (!result) {
      read.bots++;
      continue;
    }
    read.changes.push(result.change);
    for (const person of result.people) read.people.set(person.identity, person.name);
    if (onChange && read.changes.length % 1000 === 0) await onChange(read.changes.length);
  }
  return read;
}
