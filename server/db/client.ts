import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Client, createClient } from '@libsql/client';
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql';
import { openHotReads } from './hot-reads';
import * as schema from './schema';

export type Db = LibSQLDatabase<typeof schema>;

export interface Database {
  client: Client;
  db: Db;
  close(): void;
}

/** Thrown when the database named by DATABASE_URL cannot be opened or queried. */
export class DatabaseUnreachableError extends Error {
  constructor(cause: unknown) {
    super(`cannot reach the database (${cause instanceof Error ? cause.message : String(cause)})`, { cause });
    this.name = 'DatabaseUnreachableError';
  }
}

/** The path of an embedded database file, or undefined for an in-memory or remote database. */
function filePath(url: string): string | undefined {
  if (!url.startsWith('file:') || url === 'file::memory:') return undefined;
  return url.startsWith('file://') ? fileURLToPath(url) : url.slice('file:'.length);
}

/** Default busy timeout of embedded files (ms): a query waits this long for another writer's lock. */
export const defaultBusyTimeoutMs = 5_000;

/**
 * Opens the libSQL database and proves it answers. Embedded files get WAL mode, a busy
 * timeout on every pooled connection (so concurrent writers wait instead of failing; a
 * `PRAGMA busy_timeout` would reach only the connection that ran it) and enforced foreign keys.
 */
export async function openDatabase(
  url: string,
  authToken?: string,
  busyTimeoutMs = defaultBusyTimeoutMs,
): Promise<Database> {
  let client: Client | undefined;
  const path = filePath(url);
  try {
    if (path) mkdirSync(dirname(path), { recursive: true });
    client = createClient({ url, authToken, timeout: busyTimeoutMs });
    if (url.startsWith('file:')) await client.execute('PRAGMA journal_mode = WAL');
    await client.execute('PRAGMA foreign_keys = ON');
    await client.execute('SELECT 1');
  } catch (error) {
    client?.close();
    throw new DatabaseUnreachableError(error);
  }
  const opened = client;
  const db = drizzle(opened, { schema });
  const hotReads = path && !url.includes('?') ? openHotReads(db, path, busyTimeoutMs) : undefined;
  return {
    client: opened,
    db,
    close: () => {
      hotReads?.close();
      opened.close();
    },
  };
}
