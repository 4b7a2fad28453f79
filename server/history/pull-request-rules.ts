import type { Db } from '../db/client';
import { loadSettings } from '../services/org-model';
import type { PullRequestRules } from './gh-pr-list';
import { loadIdentityMatcher } from './identity-match';
import { defaultHistoryRules } from './rules';

/** Pull requests labelled like this count as AI-assisted by default. */
export const defaultAiLabel = /\b(ai[- ]?assisted|ai|copilot|claude|llm)\b/i;

/**
 * The org's pull request rules: the default history rules, the AI label, and sign-off by an
 * approver whose roster level may sign off (matched by github login or alias).
 */
export async function loadPullRequestRules(
  db: Db,
  orgId: string,
  options: { aiLabel?: RegExp; includeBots?: boolean } = {},
): Promise<PullRequestRules> {
  const match = await loadIdentityMatcher(db, orgId);
  const { levels } = await loadSettings(db, orgId);
  const signing = new Set(levels.filter((l) => l.canSignOff).map((l) => l.id));
  return {
    ...defaultHistoryRules,
    includeBots: options.includeBots ?? false,
    aiLabel: options.aiLabel ?? defaultAiLabel,
    maySignOff: (identity) => signing.has(match(identity)?.level ?? ''),
  };
}
