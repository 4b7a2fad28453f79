import { eq } from 'drizzle-orm';
import { historyChanges, historySources, teams } from '../db/schema';
import type { Tx } from '../services/audit';
import type { ImportedChange } from './change';

/** A stored change with its source's team (null when the source is not attached to a team). */
export interface StoredChange extends Omit<ImportedChange, 'key' | 'authorName'> {
  sourceTeamId: string | null;
  sourceTeam: string | null;
}

/**
 * Every change of the org, each once: a commit or pull request stored under two sources of the
 * same kind (the same history uploaded under two names) counts once.
 */
export async function loadChanges(db: Tx, orgId: string): Promise<StoredChange[]> {
  const rows = await db
    .select({
      kind: historySources.kind,
      key: historyChanges.key,
      sourceTeamId: historySources.teamId,
      sourceTeam: teams.name,
      author: historyChanges.author,
      signer: historyChanges.signer,
      reviewers: historyChanges.reviewers,
      authoredAt: historyChanges.authoredAt,
      firstReviewAt: historyChanges.firstReviewAt,
      signedOffAt: historyChanges.signedOffAt,
      aiAssisted: historyChanges.aiAssisted,
      lines: historyChanges.lines,
    })
    .from(historyChanges)
    .innerJoin(historySources, eq(historySources.id, historyChanges.sourceId))
    .leftJoin(teams, eq(teams.id, historySources.teamId))
    .where(eq(historyChanges.orgId, orgId));
  const seen = new Set<string>();
  const changes: StoredChange[] = [];
  for (const { kind, key, authoredAt, firstReviewAt, signedOffAt, ...row } of rows) {
    const id = `${kind}:${key}`;
    if (seen.has(id)) continue;
    seen.add(id);
    changes.push({
      ...row,
      authoredAt: authoredAt.getTime(),
      firstReviewAt: firstReviewAt?.getTime() ?? null,
      signedOffAt: signedOffAt?.getTime() ?? null,
    });
  }
  return changes;
}
