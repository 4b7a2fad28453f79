import { parseArgs } from 'node:util';
import { eq } from 'drizzle-orm';
import { ConfigError, loadConfig } from '../config';
import { openDatabase } from '../db/client';
import { applyMigrations } from '../db/migrate';
import { orgs, type Role, roles } from '../db/schema';
import { packageVersion } from '../paths';
import { createApiToken } from '../services/api-tokens';

const usage = 'usage: npm run token -- create --org <slug> --role <admin|planner|viewer> [--name <text>]';

function fail(message: string, code = 2): never {
  console.error(message);
  process.exit(code);
}

/**
 * `npm run token -- create --org <slug> --role <role> [--name <text>]`: creates an API token on
 * the database of DATABASE_URL and prints it alone on the last line of stdout (shown once).
 */
async function main(argv: string[]): Promise<void> {
  const { positionals, values } = (() => {
    try {
      return parseArgs({
        args: argv,
        allowPositionals: true,
        options: { org: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' } },
      });
    } catch (error) {
      return fail(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
    }
  })();
  if (positionals[0] !== 'create' || positionals.length !== 1) fail(usage);
  if (!values.org) fail(`--org is required\n${usage}`);
  const role = values.role as Role;
  if (!roles.includes(role)) fail(`--role must be admin, planner or viewer\n${usage}`);
  const version = packageVersion();
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(process.env, version);
  } catch (error) {
    if (error instanceof ConfigError) fail(`Invalid configuration: ${error.message}`, 1);
    throw error;
  }
  const database = await openDatabase(config.databaseUrl, config.databaseAuthToken);
  try {
    await applyMigrations(database.db);
    const org = await database.db.select().from(orgs).where(eq(orgs.slug, values.org)).get();
    if (!org) fail(`No org with slug "${values.org}".`, 1);
    const name = values.name ?? `${role} token (CLI)`;
    const created = await createApiToken(
      database.db,
      { orgId: org.id, name, role },
      { id: null, label: 'cli' },
    );
    console.log(
      `Created ${role} token "${name}" (prefix ${created.prefix}) for org ${org.slug}. It is shown once:`,
    );
    console.log(created.token);
  } finally {
    database.close();
  }
}

await main(process.argv.slice(2));
