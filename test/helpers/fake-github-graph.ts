/**
 * The fake's pull requests as GitHub GraphQL objects: plain values for scalar fields, functions
 * (called by graphql-js's default resolver with the field's arguments) for connections, and
 * `__typename` on every object of an interface or union type (graphql-js's default type resolver
 * reads it). Connections follow GitHub's cursor pagination: `first`/`last`, `after`/`before`
 * (opaque cursors, a position in the order), `pageInfo` and `nodes`/`edges`; `cap` is the most
 * nodes a page holds (GitHub may answer fewer than asked; clients go by `hasNextPage`).
 */

/** A pull request of the fake, in the few facts the tests choose; the server renders GitHub's shapes. */
export interface FakePull {
  number: number;
  /** The login as REST spells it (a bot's ends in `[bot]`; GraphQL drops the suffix). */
  login: string;
  /** `User` or `Bot`. */
  type?: 'User' | 'Bot';
  created: string;
  updated: string;
  merged?: string | null;
  closed?: string | null;
  draft?: boolean;
  labels?: string[];
  body?: string;
  additions?: number;
  deletions?: number;
  requested?: string[];
  reviews?: { login: string; state: string; at: string }[];
  /** `ready_for_review` event times. */
  ready?: string[];
}

interface ConnectionArgs {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
}

/** A node and its sort key (keys compare as strings, in the connection's order). */
interface Keyed<T> {
  key: string;
  node: T;
}

const cursorOf = (key: string) => Buffer.from(`cursor:v2:${key}`).toString('base64');

function keyOf(cursor: string, argument: string): string {
  const text = Buffer.from(cursor, 'base64').toString();
  if (!text.startsWith('cursor:v2:'))
    throw new Error(`\`${argument}\` does not appear to be a valid cursor.`);
  return text.slice('cursor:v2:'.length);
}

/** A page of `items` (in order; `descending` when their keys fall along it) as a connection. */
function connection<T>(items: Keyed<T>[], args: ConnectionArgs, cap: number, descending = false) {
  const beyond = (key: string, cursorKey: string) => (descending ? key < cursorKey : key > cursorKey);
  let window = items;
  if (args.after) {
    const at = keyOf(args.after, 'after');
    window = window.filter((i) => beyond(i.key, at));
  }
  if (args.before) {
    const at = keyOf(args.before, 'before');
    window = window.filter((i) => beyond(at, i.key));
  }
  let page = window;
  let hasNextPage = false;
  let hasPreviousPage = false;
  if (typeof args.first === 'number') {
    hasNextPage = page.length > Math.min(args.first, cap);
    page = page.slice(0, Math.min(args.first, cap));
  }
  if (typeof args.last === 'number') {
    hasPreviousPage = page.length > Math.min(args.last, cap);
    page = page.slice(-Math.min(args.last, cap));
  }
  return {
    totalCount: items.length,
    nodes: page.map((i) => i.node),
    edges: () => page.map((i) => ({ cursor: cursorOf(i.key), node: i.node })),
    pageInfo: {
      hasNextPage,
      hasPreviousPage,
      startCursor: page[0] ? cursorOf(page[0].key) : null,
      endCursor: page.at(-1) ? cursorOf(page.at(-1)!.key) : null,
    },
  };
}

/** Items keyed by their place in a fixed list. */
const listed = <T>(items: T[]): Keyed<T>[] =>
  items.map((node, i) => ({ key: String(i).padStart(6, '0'), node }));

/** A `User` or a `Bot` (GraphQL names a GitHub App's bot without REST's `[bot]` suffix). */
function actor(login: string, type: 'User' | 'Bot' = 'User') {
  const name = type === 'Bot' ? login.replace(/\[bot\]$/, '') : login;
  return { __typename: type, id: `${type}_${name}`, login: name, url: `https://github.test/${name}` };
}

const review = (p: FakePull, r: NonNullable<FakePull['reviews']>[number], i: number) => ({
  __typename: 'PullRequestReview',
  id: `PRR_${p.number}_${i}`,
  author: actor(r.login),
  state: r.state,
  submittedAt: r.at,
  createdAt: r.at,
  body: '',
});

/** Timeline items with the `PullRequestTimelineItemsItemType` each answers to, in time order. */
function timeline(p: FakePull) {
  const closed = p.closed ?? p.merged;
  const items = [
    ...(p.ready ?? []).map((at, i) => ({
      type: 'READY_FOR_REVIEW_EVENT',
      at,
      node: {
        __typename: 'ReadyForReviewEvent',
        id: `RFR_${p.number}_${i}`,
        createdAt: at,
        actor: actor(p.login),
      },
    })),
    ...(p.reviews ?? []).map((r, i) => ({ type: 'PULL_REQUEST_REVIEW', at: r.at, node: review(p, r, i) })),
    ...(p.merged
      ? [
          {
            type: 'MERGED_EVENT',
            at: p.merged,
            node: { __typename: 'MergedEvent', id: `ME_${p.number}`, createdAt: p.merged },
          },
        ]
      : []),
    ...(closed
      ? [
          {
            type: 'CLOSED_EVENT',
            at: closed,
            node: { __typename: 'ClosedEvent', id: `CE_${p.number}`, createdAt: closed },
          },
        ]
      : []),
  ];
  return items.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}

/** A pull request's `PullRequestState`. */
const stateOf = (p: FakePull) => (p.merged ? 'MERGED' : (p.closed ?? null) !== null ? 'CLOSED' : 'OPEN');

/** A pull request as a `PullRequest` object; `cap` bounds its connections' pages. */
export function pullRequest(p: FakePull, cap: number) {
  const merged = p.merged ?? null;
  const closed = p.closed ?? merged;
  return {
    __typename: 'PullRequest',
    id: `PR_${p.number}`,
    number: p.number,
    title: `Change ${p.number}`,
    author: actor(p.login, p.type),
    createdAt: p.created,
    updatedAt: p.updated,
    mergedAt: merged,
    closedAt: closed,
    merged: merged !== null,
    state: stateOf(p),
    isDraft: p.draft ?? false,
    body: p.body ?? '',
    additions: p.additions ?? 0,
    deletions: p.deletions ?? 0,
    labels: (args: ConnectionArgs) =>
      connection(
        listed(
          (p.labels ?? []).map((name) => ({ __typename: 'Label', id: `L_${name}`, name, color: 'ededed' })),
        ),
        args,
        cap,
      ),
    reviewRequests: (args: ConnectionArgs) =>
      connection(
        listed(
          (p.requested ?? []).map((login) => ({
            __typename: 'ReviewRequest',
            id: `RR_${p.number}_${login}`,
            requestedReviewer: actor(login),
          })),
        ),
        args,
        cap,
      ),
    reviews: (args: ConnectionArgs & { states?: string[] | null; author?: string | null }) =>
      connection(
        listed(
          (p.reviews ?? [])
            .map((r, i) => review(p, r, i))
            .filter((r) => !args.states || args.states.includes(r.state))
            .filter((r) => !args.author || r.author.login === args.author),
        ),
        args,
        cap,
      ),
    timelineItems: (args: ConnectionArgs & { itemTypes?: string[] | null }) =>
      connection(
        listed(
          timeline(p)
            .filter((i) => !args.itemTypes || args.itemTypes.includes(i.type))
            .map((i) => i.node),
        ),
        args,
        cap,
      ),
  };
}

/** `orderBy: IssueOrder` and `states` of `Repository.pullRequests`. */
interface PullsArgs extends ConnectionArgs {
  orderBy?: { field: 'CREATED_AT' | 'UPDATED_AT' | 'COMMENTS'; direction: 'ASC' | 'DESC' } | null;
  states?: string[] | null;
}

/** The last order worked out: the sort keys joined, as listed, and the listed indices in order. */
let lastOrder: { signature: string; order: number[] } | undefined;

/**
 * `Repository.pullRequests`, keyed by the order's time, then the number (created first, as
 * GitHub orders by default). Only the page's pull requests are rendered; the sorted order is kept
 * while the keys stay the same.
 */
export function pullRequests(pulls: FakePull[], args: PullsArgs, cap: number) {
  const field = args.orderBy?.field ?? 'CREATED_AT';
  if (field === 'COMMENTS')
    throw new Error('The fake orders pull requests by CREATED_AT or UPDATED_AT only.');
  const descending = args.orderBy?.direction === 'DESC';
  const keyed = pulls
    .filter((p) => !args.states || args.states.includes(stateOf(p)))
    .map((node) => ({
      key: `${field === 'UPDATED_AT' ? node.updated : node.created}|${String(node.number).padStart(9, '0')}`,
      node,
    }));
  const signature = `${descending}:${keyed.map((k) => k.key).join(',')}`;
  if (lastOrder?.signature !== signature) {
    const sign = descending ? -1 : 1;
    const order = keyed.map((_, i) => i);
    order.sort((a, b) => (keyed[a]!.key < keyed[b]!.key ? -sign : keyed[a]!.key > keyed[b]!.key ? sign : 0));
    lastOrder = { signature, order };
  }
  const page = connection(
    lastOrder.order.map((i) => keyed[i]!),
    args,
    cap,
    descending,
  );
  return {
    ...page,
    nodes: page.nodes.map((p) => pullRequest(p, cap)),
    edges: () => page.edges().map((e) => ({ cursor: e.cursor, node: pullRequest(e.node, cap) })),
  };
}
