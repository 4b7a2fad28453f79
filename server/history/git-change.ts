import type { ImportedChange, SeenPerson } from './change';
import type { GitCommit } from './git-log-parse';
import type { HistoryRules } from './rules';
import { parseTrailers, personIdentity, trailerIdentity } from './trailers';

/** A commit read as a change, with everyone it names; null for a bot author the rules leave out. */
export interface GitChange {
  change: ImportedChange;
  people: SeenPerson[];
}

/** Whether a trailer value names an AI tool or an AI bot address. */
const namesAi = (value: string, rules: HistoryRules): boolean =>
  rules.aiTool.test(value) || rules.aiAddress.test(value);

/**
 * A commit as a change: authored at its author date; signed off at its commit date (it landed),
 * by its committer when the committer is not the author; further reviewers from the review
 * trailers; first reviewed at the commit date when anyone other than the author reviewed or
 * signed it; AI-assisted when an AI trailer names an AI tool or AI address.
 */
export function gitChange(commit: GitCommit, rules: HistoryRules): GitChange | null {
  if (!rules.includeBots && rules.botAuthor.test(`${commit.authorName} <${commit.authorEmail}>`)) return null;
  const author = personIdentity(commit.authorName, commit.authorEmail);
  const committer = personIdentity(commit.committerName, commit.committerEmail);
  const people: SeenPerson[] = [{ identity: author, name: commit.authorName || commit.authorEmail }];
  const signer = committer === author ? null : committer;
  if (signer) people.push({ identity: signer, name: commit.committerName || commit.committerEmail });
  const reviewers = new Set<string>();
  let aiAssisted = false;
  for (const trailer of parseTrailers(commit.message)) {
    if (rules.reviewTrailers.includes(trailer.key)) {
      const person = trailerIdentity(trailer.value);
      if (person.identity !== author && person.identity !== signer && !reviewers.has(person.identity)) {
        reviewers.add(person.identity);
        people.push(person);
      }
    }
    if (!aiAssisted && rules.aiTrailers.includes(trailer.key)) aiAssisted = namesAi(trailer.value, rules);
  }
  return {
    change: {
      key: commit.hash,
      author,
      authorName: commit.authorName,
      signer,
      reviewers: [...reviewers],
      authoredAt: commit.authoredAt,
      firstReviewAt: signer || reviewers.size > 0 ? commit.committedAt : null,
      signedOffAt: commit.committedAt,
      aiAssisted,
      lines: commit.insertions + commit.deletions,
    },
    people,
  };
}
