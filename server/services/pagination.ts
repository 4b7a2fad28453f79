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
