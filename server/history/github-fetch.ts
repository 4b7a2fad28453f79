import type { PullRequestRules } from './gh-pr-list';
import type { GithubClient, Revalidation } from './github-client';
import { leftOutByPull, type PullOutcome, pullChange, pullPeople } from './github-pull';
import {
  type PullNode,
  type PullsData,
  pullsQuery,
  type ReviewNode,
  type ReviewsData,
  reviewsQuery,
} from './github-pulls-query';

/** A repository on GitHub. */
export interface RepoRef {
  owner: string;
  repo: string;
}

/** Splits `owner/repo`. */
export function repoRef(fullName: string): RepoRef {
  const [owner = '', repo = ''] = fullName.split('/');
  return { owner, repo };
}

/** One pull request read: its number, outcome and the people it names. */
export interface ReadPull {
  number: number;
  outcome: PullOutcome;
  people: [string, string][];
}

/** A page of pull requests as GitHub answered it, and the cursor after it (null after the last page). */
export interface PullsPage {
  nodes: PullNode[];
  next: string | null;
}

/** Every review of a pull request: the first 100 its page holds, then the rest, 100 a query. */
async function allReviews(client: GithubClient, pull: PullNode): Promise<ReviewNode[]> {
  const reviews = [...(pull.reviews?.nodes ?? [])];
  let page = pull.reviews?.pageInfo;
  while (page?.hasNextPage) {
    const data = await client.query<ReviewsData>(reviewsQuery, { id: pull.id, after: page.endCursor });
    reviews.push(...(data.node?.reviews?.nodes ?? []));
    page = data.node?.reviews?.pageInfo;
  }
  return reviews;
}

/**
 * Whether any pull request changed since the answer whose ETag is `etag`: GitHub's REST list of the
 * repository's pull requests, most recently updated first, one a page, asked with If-None-Match.
 * Any change to a pull request (a review, a label, a push, its state) moves its `updated_at`, so the
 * list's first item, and with it the ETag, changes; a 304 costs no rate limit.
 */
export function revalidatePulls(
  client: GithubClient,
  ref: RepoRef,
  etag: string | null,
): Promise<Revalidation> {
  const newest = { ...ref, state: 'all', sort: 'updated', direction: 'desc', per_page: 1 };
  return client.revalidate('GET /repos/{owner}/{repo}/pulls', newest, etag);
}

/** The page of `first` pull requests after cursor `after` (null: the newest), most recently updated first. */
export async function fetchPullsPage(
  client: GithubClient,
  ref: RepoRef,
  page: { first: number; after: string | null },
): Promise<PullsPage> {
  const data = await client.query<PullsData>(pullsQuery, { owner: ref.owner, name: ref.repo, ...page });
  if (!data.repository)
    throw new Error(`Could not resolve to a Repository with the name '${ref.owner}/${ref.repo}'.`);
  const { nodes, pageInfo } = data.repository.pullRequests;
  return { nodes, next: pageInfo.hasNextPage ? pageInfo.endCursor : null };
}

/**
 * Pull requests read in full: each a change, or why it is left out (a draft's or a bot's further
 * reviews are not read).
 */
export async function readPulls(
  client: GithubClient,
  nodes: PullNode[],
  rules: PullRequestRules,
): Promise<ReadPull[]> {
  const pulls: ReadPull[] = [];
  for (const pull of nodes) {
    const leftOut = leftOutByPull(pull, rules);
    const reviews = leftOut ? [] : await allReviews(client, pull);
    pulls.push({
      number: pull.number,
      outcome: leftOut ?? pullChange(pull, reviews, rules),
      people: pullPeople(pull, reviews),
    });
  }
  return pulls;
}
