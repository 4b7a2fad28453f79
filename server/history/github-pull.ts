import type { ImportedChange } from './change';
import {
  type GhPullRequest,
  githubIdentity,
  leftOutAsBot,
  type PullRequestRules,
  pullRequestChange,
} from './gh-pr-list';
import { actorLogin, type PullNode, type ReviewNode } from './github-pulls-query';

/** The outcome for one pull request: a change, or why it is left out. */
export type PullOutcome = ImportedChange | 'bot' | 'abandoned' | 'draft';

const author = (pull: PullNode) => {
  const login = actorLogin(pull.author);
  return login === null ? null : { login, is_bot: pull.author?.__typename === 'Bot' };
};

/**
 * Why a pull request is left out whatever its reviews (still a draft: not yet authored; a bot's,
 * unless the rules keep bots), or null when it may be a change. Its further reviews are not read.
 */
export function leftOutByPull(pull: PullNode, rules: PullRequestRules): 'draft' | 'bot' | null {
  if (pull.isDraft) return 'draft';
  return leftOutAsBot(author(pull), rules) ? 'bot' : null;
}

/** When a pull request was last marked ready for review (its READY_FOR_REVIEW_EVENT), if ever. */
const readyAt = (pull: PullNode) => pull.timelineItems.nodes.at(-1)?.createdAt ?? null;

/**
 * A pull request (not left out by {@link leftOutByPull}) with all its reviews as a change, by the
 * same rules as the `gh pr list` import, authored when it was last marked ready for review, else
 * when opened.
 */
export function pullChange(pull: PullNode, reviews: ReviewNode[], rules: PullRequestRules): PullOutcome {
  const asListed: GhPullRequest = {
    number: pull.number,
    author: author(pull),
    createdAt: readyAt(pull) ?? pull.createdAt,
    mergedAt: pull.mergedAt,
    closedAt: pull.closedAt,
    labels: pull.labels?.nodes ?? [],
    additions: pull.additions,
    deletions: pull.deletions,
    body: pull.body,
    reviews: reviews.map((r) => {
      const login = actorLogin(r.author);
      return { author: login === null ? null : { login }, state: r.state, submittedAt: r.submittedAt };
    }),
  };
  const change = pullRequestChange(asListed, rules);
  return change === null ? 'abandoned' : change;
}

/** Everyone a pull request names (author, reviewers, requested reviewers): identity -> login. */
export function pullPeople(pull: PullNode, reviews: ReviewNode[]): [string, string][] {
  const logins = [
    actorLogin(pull.author),
    ...reviews.map((r) => actorLogin(r.author)),
    ...(pull.reviewRequests?.nodes ?? []).map((r) => actorLogin(r.requestedReviewer)),
  ].filter((login): login is string => Boolean(login));
  return logins.map((login) => [githubIdentity(login), login]);
}
