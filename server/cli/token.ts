import { parseArgs } from 'node:util';
import { type Role, roles } from '../db/schema';
import { createApiToken } from '../services/api-tokens';
import { fail, withOrgDatabase } from './org-database';

const usage = 'usage: npm run token -- create --org <slug> --role <admin|planner|viewer> [--name <text>]';

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
  await withOrgDatabase(values.org, async (db, org) => {
    const name = values.name ?? `${role} token (CLI)`;
    const created = await createApiToken(db, { orgId: org.id, name, role }, { id: null, label: 'cli' });
    console.log(
      `Created ${role} token "${name}" (prefix ${created.prefix}) for org ${org.slug}. It is shown once:`,
    );
    console.log(created.token);
  });
}

await main(process.argv.slice(2));
