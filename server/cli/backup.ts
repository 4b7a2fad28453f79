import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config';
import { openDatabase } from '../db/client';
import { backupDatabase } from '../ops/backup';

/** `npm run backup [-- --out <file>]`: a consistent copy of the embedded database, safe while serving. */
const { values } = parseArgs({ options: { out: { type: 'string' } } });

try {
  const config = loadConfig(process.env, 'cli');
  if (!config.databaseUrl.startsWith('file:')) {
    throw new ConfigError(
      'DATABASE_URL',
      'backup works on an embedded file; back up a libSQL server with its own tools',
    );
  }
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const target = resolve(values.out ?? `data/backups/reviewload-${stamp}.db`);
  const database = await openDatabase(config.databaseUrl, config.databaseAuthToken);
  try {
    const result = await backupDatabase(database, target);
    if (result.integrity !== 'ok') throw new Error(`integrity check of the copy failed: ${result.integrity}`);
    console.log(`Backed up ${result.bytes} bytes (integrity ok) to`);
    console.log(result.path);
  } finally {
    database.close();
  }
} catch (error) {
  console.error(`Backup failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
