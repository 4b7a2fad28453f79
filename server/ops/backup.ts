import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { createClient } from '@libsql/client';
import type { Database } from '../db/client';

export interface BackupResult {
  path: string;
  bytes: number;
  integrity: string;
}

/**
 * Writes a consistent copy of the database to `target` with `VACUUM INTO`, which reads one
 * snapshot while the app keeps serving, then proves the copy with `PRAGMA integrity_check`.
 * Refuses to overwrite an existing file.
 */
export async function backupDatabase(database: Database, target: string): Promise<BackupResult> {
  if (existsSync(target)) throw new Error(`backup target ${target} already exists`);
  mkdirSync(dirname(target), { recursive: true });
  await database.client.execute({ sql: 'VACUUM INTO ?', args: [target] });
  const copy = createClient({ url: `file:${target}` });
  try {
    const check = await copy.execute('PRAGMA integrity_check');
    const integrity = String(check.rows[0]?.[0] ?? 'no answer');
    const size = await copy.execute(
      'SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()',
    );
    return { path: target, bytes: Number(size.rows[0]?.[0] ?? 0), integrity };
  } finally {
    copy.close();
  }
}
