/**
 * One imported change as stored: identities are lower-cased emails (or `github:<login>`), times
 * epoch milliseconds.
 */
export interface ImportedChange {
  /** Commit hash or pull request number, unique within its source. */
  key: string;
  author: string;
  authorName: string;
  /** Who signed it off, when not the author. */
  signer: string | null;
  /** Further reviewers (not the author, not the signer), each once. */
  reviewers: string[];
  authoredAt: number;
  firstReviewAt: number | null;
  signedOffAt: number | null;
  aiAssisted: boolean;
  lines: number;
}

/** A person seen in a change: identity and display name. */
export interface SeenPerson {
  identity: string;
  name: string;
}
