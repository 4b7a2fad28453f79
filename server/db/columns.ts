import { sql } from 'drizzle-orm';
import { integer } from 'drizzle-orm/sqlite-core';

/** Creation time in epoch milliseconds, filled in by the database. */
export const createdAt = () =>
  integer('created_at', { mode: 'timestamp_ms' }).notNull().default(sql`(unixepoch('subsec') * 1000)`);

/** A nullable epoch-millisecond timestamp column. */
export const timestamp = (name: string) => integer(name, { mode: 'timestamp_ms' });
