import type { GithubClient } from './github-client';
import type { FetchedPull, ListedPull } from './github-pull';

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

/**
 * Everything the change needs beyond the list item: the size (the single pull request), every
 * review (paginated) and the latest `ready_for_review` event (paginated issue events).
 */
export async function fetchPull(client: GithubClient, ref: RepoRef, pull: ListedPull): Promise<FetchedPull> {
  const number = { ...ref, pull_number: pull.number, per_page: 100 };
  const [detail, reviews, events] = await Promise.all([
    client.rest.pulls.get({ ...ref, pull_number: pull.number }),
    client.paginate(client.rest.pulls.listReviews, number),
    client.paginate(client.rest.issues.listEvents, { ...ref, issue_number: pull.number, per_page: 100 }),
  ]);
  const ready = events
    .filter((e) => e.event === 'ready_for_review')
    .map((e) => e.created_at)
    .sort()
    .at(-1);
  return {
    pull,
    additions: detail.data.additions,
    deletions: detail.data.deletions,
    reviews,
    readyAt: ready ?? null,
  };
}

/** `work` over `items`, at most `limit` at a time, results in order. */
export async function mapLimit<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
