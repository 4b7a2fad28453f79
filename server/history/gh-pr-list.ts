import { z } from 'zod';
import type { ImportedChange } from './change';
import type { ReadHistory } from './read-git';
import type { HistoryRules } from './rules';
import { parseTrailers } from './trailers';

const isoTime = z.iso.datetime({ offset: true, error: 'must be an ISO 8601 time' });
const login = z.object({ login: z.string().min(1, { error: 'must not be empty' }) }).loose();

/**
 * One pull request as `gh pr list --state all --json number,author,createdAt,mergedAt,closedAt,
 * isDraft,labels,additions,deletions,reviews,reviewRequests` prints it (`body` too when asked for).
 */
export const ghPullRequestSchema = z
  .object({
    number: z.number().int().positive(),
    author: login.extend({ is_bot: z.boolean().optional() }).nullable(),
    createdAt: isoTime,
    mergedAt: isoTime.nullable().optional(),
    closedAt: isoTime.nullable().optional(),
    isDraft: z.boolean().optional(),
    labels: z.array(z.object({ name: z.string() }).loose()).optional(),
    additions: z.number().int().min(0).optional(),
    deletions: z.number().int().min(0).optional(),
    body: z.string().optional(),
    reviews: z
      .array(
        z
          .object({
            author: login.nullable(),
            state: z.string(),
            submittedAt: isoTime.nullable().optional(),
          })
          .loose(),
      )
      .optional(),
  })
  .loose();
export type GhPullRequest = z.infer<typeof ghPullRequestSchema>;

/** Lists `gh pr list --json` output. */
export const ghPullRequestListSchema = z.array(ghPullRequestSchema);

/** A GitHub identity key. */
export const githubIdentity = (loginName: string) => `github:${loginName.toLowerCase()}`;

/** What the PR import reads beyond {@link HistoryRules}: the AI label, and who may sign off. */
export interface PullRequestRules extends HistoryRules {
  /** A label marking a pull request as AI-assisted. */
  aiLabel: RegExp;
  /** Whether an identity's roster level may sign off. */
  maySignOff: (identity: string) => boolean;
}

const ms = (time: string | null | undefined) => (time ? Date.parse(time) : null);

function isAiAssisted(pr: GhPullRequest, author: string, rules: PullRequestRules): boolean {
  if (pr.labels?.some((l) => rules.aiLabel.test(l.name))) return true;
  if (rules.aiTool.test(author.slice('github:'.length)) && /\[bot\]$/.test(author)) return true;
  return parseTrailers(pr.body ?? '').some(
    (t) => rules.aiTrailers.includes(t.key) && (rules.aiTool.test(t.value) || rules.aiAddress.test(t.value)),
  );
}

/** Whether the rules leave a pull request of this author out as a bot's (`[bot]` logins, bot patterns). */
export function leftOutAsBot(author: GhPullRequest['author'], rules: PullRequestRules): boolean {
  const login = author?.login ?? 'ghost';
  const bot = author?.is_bot === true || rules.botAuthor.test(`${login} <>`) || /\[bot\]$/i.test(login);
  return bot && !rules.includeBots;
}

/**
 * A pull request as a change: authored when opened; first reviewed at the first review by
 * someone else; signed off at the first APPROVED review by a person whose level may sign off,
 * else at merge (by the first approver, if any). Closed without merge and without such an
 * approval: abandoned, left out (null). Bot authors are left out unless the rules keep them.
 */
export function pullRequestChange(pr: GhPullRequest, rules: PullRequestRules): ImportedChange | null | 'bot' {
  const authorLogin = pr.author?.login ?? 'ghost';
  const author = githubIdentity(authorLogin);
  if (leftOutAsBot(pr.author, rules)) return 'bot';
  const reviews = (pr.reviews ?? [])
    .filter((r) => r.author && r.submittedAt && githubIdentity(r.author.login) !== author)
    .map((r) => ({ who: githubIdentity(r.author!.login), state: r.state, at: Date.parse(r.submittedAt!) }))
    .sort((a, b) => a.at - b.at);
  const approvals = reviews.filter((r) => r.state === 'APPROVED');
  const senior = approvals.find((r) => rules.maySignOff(r.who));
  const merged = ms(pr.mergedAt);
  const signedOffAt = senior?.at ?? merged;
  if (signedOffAt === null && ms(pr.closedAt) !== null) return null;
  const signer = senior?.who ?? (merged !== null ? (approvals[0]?.who ?? null) : null);
  return {
    key: String(pr.number),
    author,
    authorName: authorLogin,
    signer,
    reviewers: [...new Set(reviews.map((r) => r.who))].filter((who) => who !== signer),
    authoredAt: Date.parse(pr.createdAt),
    firstReviewAt: reviews[0]?.at ?? null,
    signedOffAt,
    aiAssisted: isAiAssisted(pr, author, rules),
    lines: (pr.additions ?? 0) + (pr.deletions ?? 0),
  };
}

/** Every pull request of a `gh pr list` upload as changes, with the people named and what was left out. */
export function readPullRequests(
  prs: GhPullRequest[],
  rules: PullRequestRules,
): ReadHistory & { abandoned: number } {
  const read = { changes: [] as ImportedChange[], people: new Map<string, string>(), bots: 0, abandoned: 0 };
  for (const pr of prs) {
    const change = pullRequestChange(pr, rules);
    if (change === 'bot') read.bots++;
    else if (change === null) read.abandoned++;
    else {
      read.changes.push(change);
      read.people.set(change.author, change.authorName);
      for (const r of pr.reviews ?? [])
        if (r.author) read.people.set(githubIdentity(r.author.login), r.author.login);
    }
  }
  return read;
}
