import { formatIssues } from '../../shared/index';
import type { Db } from '../db/client';
import { ProblemError } from '../errors';
import type { Actor } from '../services/audit';
import { ghPullRequestListSchema, readPullRequests } from './gh-pr-list';
import { finishImportJob, startImportJob } from './import-jobs';
import { loadPullRequestRules } from './pull-request-rules';
import { type ImportSummary, storeHistory } from './store-history';

/** Options of a `gh pr list` upload: the repository (`owner/repo`) is the source. */
export interface PullRequestUpload {
  repo: string;
  team?: string;
  deriveRoster?: boolean;
  aiLabel?: RegExp;
  includeBots?: boolean;
}

/**
 * Imports the JSON of `gh pr list --state all --json ...` for one repository, all or nothing:
 * 422 naming the item and field of the first problems, else every pull request stored once per
 * repository and number. Sign-off needs an approval by someone whose roster level may sign off.
 */
export async function importPullRequests(
  db: Db,
  orgId: string,
  body: unknown,
  options: PullRequestUpload,
  now: () => Date,
  actor: Actor,
): Promise<ImportSummary & { job: string; bots: number; abandoned: number }> {
  const parsed = ghPullRequestListSchema.safeParse(body);
  if (!parsed.success) {
    throw new ProblemError(
      422,
      'Unprocessable Content',
      'The pull request list is invalid; nothing was imported.',
      formatIssues(parsed.error).slice(0, 100),
    );
  }
  const job = await startImportJob(db, orgId, 'github');
  try {
    const rules = await loadPullRequestRules(db, orgId, options);
    const read = readPullRequests(parsed.data, rules);
    const summary = await storeHistory(
      db,
      orgId,
      {
        kind: 'github',
        source: options.repo,
        team: options.team,
        deriveRoster: options.deriveRoster,
        ...read,
      },
      now(),
      actor,
      (tx, stored) =>
        finishImportJob(tx, job, now(), {
          result: { ...stored, bots: read.bots, abandoned: read.abandoned },
        }),
    );
    return { job, ...summary, bots: read.bots, abandoned: read.abandoned };
  } catch (error) {
    await finishImportJob(db, job, now(), {
      error: { status: 500, detail: 'Storing the pull requests failed.' },
    });
    throw error;
  }
}
