import { sql } from 'drizzle-orm';
import type { Tx } from '../services/audit';
import type { ImportedChange } from './change';

/** A stored change with its source's team (null when the source is not attached to a team). */
export interface StoredChange extends Omit<ImportedChange, 'key' | 'authorName'> {
  sourceTeam: string | null;
}

type Row = [
  kind: string,
  key: string,
  sourceTeam: string | null,
  author: string,
  signer: string | null,
  reviewers: string[],
  authoredAt: number,
  firstReviewAt: number | null,
  signedOffAt: number | null,
  aiAssisted: number,
  lines: number,
];

/**
 * Every change of the org, each once: a commit or pull request stored under two sources of the
 * same kind (the same history uploaded under two names) counts once. SQLite packs all rows into
 * one JSON array, parsed in one go: reading 100,000 rows one by one through the client costs
 * seconds.
 */
export async function loadChanges(db: Tx, orgId: string): Promise<StoredChange[]> {
  const { rows } =
    await db.run(sql`SELECT json_group_array(json_array(s.kind, c.key, t.name, c.author, c.signer,
      json(c.reviewers), c.authored_at, c.first_review_at, c.signed_off_at, c.ai_assisted, c.lines))
    FROM history_changes c JOIN history_sources s ON s.id = c.source_id LEFT JOIN teams t ON t.id = s.team_id
    WHERE c.org_id = ${orgId}`);
  const packed = JSON.parse(String(rows[0]?.[0] ?? '[]')) as Row[];
  const seen = new Set<string>();
  const changes: StoredChange[] = [];
  for (const [
    kind,
    key,
    sourceTeam,
    author,
    signer,
    reviewers,
    authoredAt,
    firstReviewAt,
    signedOffAt,
    ai,
    lines,
  ] of packed) {
    const id = `${kind}:${key}`;
    if (seen.has(id)) continue;
    seen.add(id);
    changes.push({
      sourceTeam,
      author,
      signer,
      reviewers,
      authoredAt,
      firstReviewAt,
      signedOffAt,
      aiAssisted: ai === 1,
      lines,
    });
  }
  return changes;
}
