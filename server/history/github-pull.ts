import type { ImportedChange } from './change';
import {
  type GhPullRequest,
  githubIdentity,
  leftOutAsBot,
  type PullRequestRules,
  pullRequestChange,
} from './gh-pr-list';
import type { GithubClient } from './github-client';

type Rest = GithubClient['rest'];
/** A pull request as the list endpoint returns it. */
export type ListedPull = Awaited<ReturnType<Rest['pulls']['list']>>['data'][number];

/** One review of a pull request: who (null for a deleted account), its state in upper case, when. */
export interface PullReview {
  login: string | null;
  state: string;
  submittedAt: string | null;
}

/** What the sync fetched about one pull request beyond the list item. */
export interface FetchedPull {
  pull: ListedPull;
  additions: number;
  deletions: number;
  reviews: PullReview[];
  /** When it was last marked ready for review (`ready_for_review` timeline event), if ever. */
  readyAt: string | null;
}

/** The outcome for one fetched pull request: a change, or why it is left out. */
export type PullOutcome = ImportedChange | 'bot' | 'abandoned' | 'draft';

const author = (pull: ListedPull) =>
  pull.user ? { login: pull.user.login, is_bot: pull.user.type === 'Bot' } : null;

/**
 * Why the list item alone leaves a pull request out (still a draft: not yet authored; a bot's,
 * unless the rules keep bots), or null when it needs fetching. Nothing more is asked about these.
 */
export function leftOutByList(pull: ListedPull, rules: PullRequestRules): 'draft' | 'bot' | null {
  if (pull.draft) return 'draft';
  return leftOutAsBot(author(pull), rules) ? 'bot' : null;
}

/**
 * A fetched pull request (not left out by {@link leftOutByList}) as a change, by the same rules
 * as the `gh pr list` import, authored when it was last marked ready for review, else when opened.
 */
export function fetchedPullChange(fetched: FetchedPull, rules: PullRequestRules): PullOutcome {
  const { pull } = fetched;
  const asListed: GhPullRequest = {
    number: pull.number,
    author: author(pull),
    createdAt: fetched.readyAt ?? pull.created_at,
    mergedAt: pull.merged_at,
    closedAt: pull.closed_at,
    labels: pull.labels.map((l) => ({ name: l.name })),
    additions: fetched.additions,
    deletions: fetched.deletions,
    body: pull.body ?? '',
    reviews: fetched.reviews.map((r) => ({
      author: r.login === null ? null : { login: r.login },
      state: r.state,
      submittedAt: r.submittedAt,
    })),
  };
  const change = pullRequestChange(asListed, rules);
  return change === null ? 'abandoned' : change;
}

/** Everyone a pull request names (author, reviewers, requested reviewers): identity -> login. */
export function pullPeople(pull: ListedPull, reviews: PullReview[]): [string, string][] {
  const logins = [
    pull.user?.login,
    ...reviews.map((r) => r.login),
    ...(pull.requested_reviewers ?? []).map((u) => u.login),
  ].filter((login): login is string => Boolean(login));
  return logins.map((login) => [githubIdentity(login), login]);
}
