import { eq } from 'drizzle-orm';
import { ConfigError, loadConfig } from '../config';
import type { Db } from '../db/client';
import { openDatabase } from '../db/client';
import { applyMigrations } from '../db/migrate';
import { orgs } from '../db/schema';
import { packageVersion } from '../paths';

/** Prints `message` to stderr and exits with `code` (2: usage, 1: failure). */
export function fail(message: string, code = 2): never {
  console.error(message);
  process.exit(code);
}

type OrgRow = typeof orgs.$inferSelect;

/**
 * Opens the database of DATABASE_URL (migrated), finds the org by slug and runs `task` on them,
 * closing the database afterwards. Exits 1 on a bad configuration or an unknown org.
 */
export async function withOrgDatabase<T>(
  slug: string,
  task: (db: Db, org: OrgRow) => Promise<T>,
): Promise<T> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(process.env, packageVersion());
  } catch (error) {
    if (error instanceof ConfigError) fail(`Invalid configuration: ${error.message}`, 1);
    throw error;
  }
  const database = await openDatabase(config.databaseUrl, config.databaseAuthToken);
  try {
    await applyMigrations(database.db);
    const org = await database.db.select().from(orgs).where(eq(orgs.slug, slug)).get();
    if (!org) fail(`No org with slug "${slug}".`, 1);
    return await task(database.db, org);
  } finally {
    database.close();
  }
}
