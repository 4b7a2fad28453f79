import type { GithubClient } from './github-client';
import type { FetchedPull, ListedPull, PullReview } from './github-pull';

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

type TimelineEvent = Awaited<
  ReturnType<GithubClient['rest']['issues']['listEventsForTimeline']>
>['data'][number];
/** The fields of a `reviewed` timeline event the sync reads. */
interface ReviewedEvent {
  user: { login: string } | null;
  state: string;
  submitted_at?: string;
}

/**
 * Everything the change needs beyond the list item, in two requests: the size (the single pull
 * request) and its timeline (paginated, 100 a page), which holds both every review (`reviewed`
 * events, their state in lower case: commented, changes_requested, approved, dismissed) and the
 * `ready_for_review` events. The reviews and the issue events endpoints would take two requests.
 */
export async function fetchPull(client: GithubClient, ref: RepoRef, pull: ListedPull): Promise<FetchedPull> {
  const [detail, timeline] = await Promise.all([
    client.rest.pulls.get({ ...ref, pull_number: pull.number }),
    client.paginate(client.rest.issues.listEventsForTimeline, {
      ...ref,
      issue_number: pull.number,
      per_page: 100,
    }),
  ]);
  const reviews: PullReview[] = [];
  let readyAt: string | null = null;
  for (const event of timeline as TimelineEvent[]) {
    if (event.event === 'reviewed') {
      const review = event as ReviewedEvent;
      reviews.push({
        login: review.user?.login ?? null,
        state: review.state.toUpperCase(),
        submittedAt: review.submitted_at ?? null,
      });
    } else if (event.event === 'ready_for_review') {
      const at = (event as { created_at: string }).created_at;
      if (readyAt === null || at > readyAt) readyAt = at;
    }
  }
  return { pull, additions: detail.data.additions, deletions: detail.data.deletions, reviews, readyAt };
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
