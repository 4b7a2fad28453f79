import { createReadStream } from 'node:fs';
import { parseArgs } from 'node:util';
import { ProblemError } from '../errors';
import { gitLogOutput } from '../history/git-command';
import { readGitUpload, storeGitUpload } from '../history/git-upload';
import { defaultHistoryRules } from '../history/rules';
import { fail, withOrgDatabase } from './org-database';

const usage =
  'usage: npm run import -- git --org <slug> (--file <path[.gz]> | --repo <path> [--since YYYY-MM-DD]) [--team <name>] [--derive-roster] [--source <name>]';

function options(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        org: { type: 'string' },
        file: { type: 'string' },
        repo: { type: 'string' },
        since: { type: 'string' },
        team: { type: 'string' },
        source: { type: 'string' },
        'derive-roster': { type: 'boolean' },
      },
    });
  } catch (error) {
    return fail(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
  }
}

/**
 * `npm run import -- git ...`: imports a git history file (plain or .gz) or runs `git log` on a
 * local clone, into the database of DATABASE_URL, all or nothing. The last line printed is the
 * JSON summary `{"commits","people","matched","unmatched","weeks","from","to"}`.
 */
async function main(argv: string[]): Promise<void> {
  const { positionals, values } = options(argv);
  if (positionals[0] !== 'git' || positionals.length !== 1) fail(usage);
  if (!values.org) fail(`--org is required\n${usage}`);
  if (!values.file === !values.repo) fail(`give exactly one of --file and --repo\n${usage}`);
  if (values.since && (!values.repo || !/^\d{4}-\d{2}-\d{2}$/.test(values.since)))
    fail(`--since takes YYYY-MM-DD and goes with --repo\n${usage}`);
  try {
    await withOrgDatabase(values.org, async (db, org) => {
      const body = values.file ? createReadStream(values.file) : gitLogOutput(values.repo!, values.since);
      const gzip = Boolean(values.file?.endsWith('.gz'));
      const now = () => new Date();
      const upload = await readGitUpload(db, org.id, body, { gzip, rules: defaultHistoryRules }, now);
      const summary = await storeGitUpload(
        db,
        org.id,
        upload,
        { source: values.source ?? 'git', team: values.team, deriveRoster: values['derive-roster'] },
        now,
        { id: null, label: 'cli' },
      );
      const { commits, people, matched, unmatched, weeks, from, to } = summary;
      if (summary.derived > 0) console.log(`Derived a roster of ${summary.derived} for team ${values.team}.`);
      console.log(JSON.stringify({ commits, people, matched, unmatched, weeks, from, to }));
    });
  } catch (error) {
    if (error instanceof ProblemError) fail(`Nothing imported: ${error.detail ?? error.title}`, 1);
    fail(`Nothing imported: ${error instanceof Error ? error.message : String(error)}`, 1);
  }
}

await main(process.argv.slice(2));
