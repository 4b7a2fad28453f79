import type { ImportedChange } from './change';
import { type GhPullRequest, githubIdentity, type PullRequestRules, pullRequestChange } from './gh-pr-list';
import type { GithubClient } from './github-client';

type Rest = GithubClient['rest'];
/** A pull request as the list endpoint returns it. */
export type ListedPull = Awaited<ReturnType<Rest['pulls']['list']>>['data'][number];
type Review = Awaited<ReturnType<Rest['pulls']['listReviews']>>['data'][number];

/** What the sync fetched about one pull request, in the REST API's shapes. */
export interface FetchedPull {
  pull: ListedPull;
  additions: number;
  deletions: number;
  reviews: Review[];
  /** When it was last marked ready for review (`ready_for_review` issue event), if ever. */
  readyAt: string | null;
}

/** The outcome for one fetched pull request: a change, or why it is left out. */
export type PullOutcome = ImportedChange | 'bot' | 'abandoned' | 'draft';

/**
 * A fetched pull request as a change, by the same rules as the `gh pr list` import, authored when
 * it was last marked ready for review, else when opened. A pull request still in draft is not yet
 * authored (left out).
 */
export function fetchedPullChange(fetched: FetchedPull, rules: PullRequestRules): PullOutcome {
  const { pull } = fetched;
  if (pull.draft) return 'draft';
  const asListed: GhPullRequest = {
    number: pull.number,
    author: pull.user ? { login: pull.user.login, is_bot: pull.user.type === 'Bot' } : null,
    createdAt: fetched.readyAt ?? pull.created_at,
    mergedAt: pull.merged_at,
    closedAt: pull.closed_at,
    labels: pull.labels.map((l) => ({ name: l.name })),
    additions: fetched.additions,
    deletions: fetched.deletions,
    body: pull.body ?? '',
    reviews: fetched.reviews.map((r) => ({
      author: r.user ? { login: r.user.login } : null,
      state: r.state,
      submittedAt: r.submitted_at ?? null,
    })),
  };
  const change = pullRequestChange(asListed, rules);
  return change === null ? 'abandoned' : change;
}

/** Everyone a fetched pull request names (author, reviewers, requested reviewers): identity -> login. */
export function pullPeople(fetched: FetchedPull): [string, string][] {
  const logins = [
    fetched.pull.user?.login,
    ...fetched.reviews.map((r) => r.user?.login),
    ...(fetched.pull.requested_reviewers ?? []).map((u) => u.login),
  ].filter((login): login is string => Boolean(login));
  return logins.map((login) => [githubIdentity(login), login]);
}
