import { and, eq, lt, or, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { ProblemError } from '../errors';

/** A page of a list: `nextCursor` is null on the last page. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Decodes an opaque cursor back to the sort key it encodes (undefined for the first page). */
export const decodeCursor = (cursor: string | undefined): string | undefined =>
  cursor === undefined ? undefined : Buffer.from(cursor, 'base64url').toString('utf8');

/**
 * Builds a page from rows fetched with `limit + 1` in key order after the cursor: the extra row
 * only tells whether another page follows.
 */
export function toPage<R, T>(rows: R[], limit: number, key: (row: R) => string, map: (row: R) => T): Page<T> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  const nextCursor =
    rows.length > limit && last !== undefined ? Buffer.from(key(last), 'utf8').toString('base64url') : null;
  return { items: items.map(map), nextCursor };
}

const badCursor = () =>
  new ProblemError(400, 'Bad Request', 'The cursor is not one this list gave out.', [
    { path: 'cursor', message: 'unknown cursor' },
  ]);

/** Sort key of newest-first lists: `<epoch ms>|<id>`. */
export const timeKey = (row: { id: string; at: Date }): string => `${row.at.getTime()}|${row.id}`;

/**
 * The rows after a newest-first cursor (see {@link timeKey}): older, or as old with a smaller
 * id. 400 for a cursor this server did not give out.
 */
export function afterTimeCursor(
  cursor: string | undefined,
  at: SQLiteColumn,
  id: SQLiteColumn,
): SQL | undefined {
  if (cursor === undefined) return undefined;
  const [ms, lastId] = (decodeCursor(cursor) ?? '').split('|');
  const time = Number(ms);
  if (!lastId || !ms || !Number.isFinite(time)) throw badCursor();
  const when = new Date(time);
  return or(lt(at, when), and(eq(at, when), lt(id, lastId)));
}

/** The rows after a cursor over a descending whole-number key; 400 for a foreign cursor. */
export function belowNumberCursor(cursor: string | undefined, column: SQLiteColumn): SQL | undefined {
  if (cursor === undefined) return undefined;
  const n = Number(decodeCursor(cursor));
  if (!Number.isInteger(n)) throw badCursor();
  return lt(column, n);
}
