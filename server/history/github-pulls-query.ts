import type { GraphqlRateLimit } from './github-client';

/**
 * The GraphQL documents of the sync, checked against GitHub's published schema in the tests (the
 * fake GitHub validates and executes every query with it). Connections ask `first: 100`, GitHub's
 * most; reviews page on with {@link reviewsQuery}, while labels and requested reviewers stop at the
 * first 100 (a pull request with more is read with those). The cost of a page of 100 pull requests is 4 points (GitHub's formula: 1 + 4 x 100 connection
 * requests, over 100), its node count 30,200 (the limit is 500,000).
 */
const reviewFields = `pageInfo { hasNextPage endCursor }
  nodes { author { __typename login } state submittedAt }`;

/** A page of a repository's pull requests, most recently updated first, after cursor `$after`. */
export const pullsQuery = `query Pulls($owner: String!, $name: String!, $first: Int!, $after: String) {
  repository(owner: $owner, name: $name) {
    pullRequests(first: $first, after: $after, orderBy: { field: UPDATED_AT, direction: DESC }) {
      pageInfo { hasNextPage endCursor }
      nodes {
        id
        number
        author { __typename login }
        createdAt
        updatedAt
        mergedAt
        closedAt
        isDraft
        body
        additions
        deletions
        labels(first: 100) { nodes { name } }
        reviewRequests(first: 100) { nodes { requestedReviewer { __typename ... on Actor { login } } } }
        reviews(first: 100) { ${reviewFields} }
        timelineItems(itemTypes: [READY_FOR_REVIEW_EVENT], last: 1) {
          nodes { ... on ReadyForReviewEvent { createdAt } }
        }
      }
    }
  }
  rateLimit { cost remaining resetAt }
}`;

/** The next page of a pull request's reviews (more than 100). */
export const reviewsQuery = `query Reviews($id: ID!, $after: String) {
  node(id: $id) { ... on PullRequest { reviews(first: 100, after: $after) { ${reviewFields} } } }
  rateLimit { cost remaining resetAt }
}`;

/** A connection page as the documents ask for it. */
export interface Page<T> {
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: T[];
}

/** An actor (`Actor` interface: User, Bot, Mannequin, ...), or a requested team (no login). */
export interface ActorNode {
  __typename: string;
  login?: string;
}

/** One review: state PENDING, COMMENTED, APPROVED, CHANGES_REQUESTED or DISMISSED. */
export interface ReviewNode {
  author: ActorNode | null;
  state: string;
  submittedAt: string | null;
}

/** A pull request as {@link pullsQuery} reads it. */
export interface PullNode {
  id: string;
  number: number;
  author: ActorNode | null;
  createdAt: string;
  updatedAt: string;
  mergedAt: string | null;
  closedAt: string | null;
  isDraft: boolean;
  body: string;
  additions: number;
  deletions: number;
  labels: { nodes: { name: string }[] } | null;
  reviewRequests: { nodes: { requestedReviewer: ActorNode | null }[] } | null;
  reviews: Page<ReviewNode> | null;
  timelineItems: { nodes: { createdAt?: string }[] };
}

/** {@link pullsQuery}'s data. */
export interface PullsData {
  repository: { pullRequests: Page<PullNode> } | null;
  rateLimit: GraphqlRateLimit | null;
}

/** {@link reviewsQuery}'s data. */
export interface ReviewsData {
  node: { reviews?: Page<ReviewNode> | null } | null;
  rateLimit: GraphqlRateLimit | null;
}

/**
 * An actor's login as the REST API spells it: GraphQL names a GitHub App's bot `dependabot`, REST
 * and commit addresses `dependabot[bot]`, so identities match those of earlier REST syncs.
 */
export function actorLogin(actor: ActorNode | null): string | null {
  if (!actor?.login) return null;
  return actor.__typename === 'Bot' ? `${actor.login}[bot]` : actor.login;
}
