import { join } from 'node:path';
import { migrate } from 'drizzle-orm/libsql/migrator';
import { projectRoot } from '../paths';
import type { Db } from './client';

const migrationsFolder = join(projectRoot, 'drizzle');

/**
 * Applies the committed SQL migrations in drizzle/ that this database has not seen yet.
 * drizzle reads the applied list before its write batch, so when two processes start on one new
 * database the later batch fails (e.g. "table already exists") and rolls back whole; by then the
 * other process has committed, so reading the list again finds nothing left to apply. Only that
 * one retry: an error that persists is real.
 */
export async function applyMigrations(db: Db): Promise<void> {
  try {
    await migrate(db, { migrationsFolder });
  } catch {
    await migrate(db, { migrationsFolder });
  }
}
