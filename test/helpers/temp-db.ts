import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Database, openDatabase } from '../../server/db/client';
import { applyMigrations } from '../../server/db/migrate';

export interface TempDatabase extends Database {
  /** The `file:` URL of the database, for a server process started on it. */
  url: string;
  /** Closes the connection and deletes the folder that holds the database file. */
  cleanup(): void;
}

/**
 * A fresh libSQL database file in its own temporary folder, with the real migrations applied
 * (unless `migrate` is false); `busyTimeoutMs` as in {@link openDatabase}.
 */
export async function createTempDb(
  options: { migrate?: boolean; busyTimeoutMs?: number } = {},
): Promise<TempDatabase> {
  const folder = mkdtempSync(join(tmpdir(), 'reviewload-test-'));
  const url = pathToFileURL(join(folder, 'test.db')).href;
  const database = await openDatabase(url, undefined, options.busyTimeoutMs);
  if (options.migrate !== false) await applyMigrations(database.db);
  return {
    ...database,
    url,
    cleanup: () => {
      database.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
