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
 * same kind (the same history uploaded under two names) counts once, as first stored. SQLite packs all rows into
 * one JSON array, parsed in one go: reading 100,000 rows one by one through the client costs
 * seconds.
 */
export async function loadChanges(db: Tx, orgId: string): Promise<StoredChange[]> {
  const { rows } =
    await db.run(sql`SELECT json_group_array(json_array(s.kind, c.key, t.name, c.author, c.signer,
      json(c.reviewers), c.authored_at, c.first_review_at, c.signed_off_at, c.ai_assisted, c.lines))
    FROM history_sources s JOIN history_changes c ON c.source_id = s.id LEFT JOIN teams t ON t.id = s.team_id
    WHERE s.org_id = ${orgId} ORDER BY c.id`);
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

/** What the weekly series needs of the org's changes, column by column (index i = one change). */
export interface WeeklyColumns {
  sourceTeam: (string | null)[];
  author: string[];
  signer: (string | null)[];
  authoredAt: number[];
  firstReviewAt: (number | null)[];
  signedOffAt: (number | null)[];
  aiAssisted: number[];
  lines: number[];
}

/**
 * The columns of every change of the org, each once as in {@link loadChanges} (the first stored
 * of a key under sources of the same kind), leaving out the keys and reviewers the weekly series
 * do not use. One JSON array per column: numbers parse into packed arrays, not one object per change.
 */
export async function loadWeeklyColumns(db: Tx, orgId: string): Promise<WeeklyColumns> {
  const { rows } = await db.run(sql`SELECT json_group_array(t.name), json_group_array(c.author),
      json_group_array(c.signer), json_group_array(c.authored_at), json_group_array(c.first_review_at),
      json_group_array(c.signed_off_at), json_group_array(c.ai_assisted), json_group_array(c.lines)
    FROM history_sources s JOIN history_changes c ON c.source_id = s.id LEFT JOIN teams t ON t.id = s.team_id
    WHERE s.org_id = ${orgId} AND NOT EXISTS (SELECT 1 FROM history_sources s2
      JOIN history_changes c2 ON c2.source_id = s2.id AND c2.key = c.key
      WHERE s2.org_id = s.org_id AND s2.kind = s.kind AND s2.id <> s.id AND c2.id < c.id)`);
  const column = (i: number) => JSON.parse(String(rows[0]?.[i] ?? '[]'));
  return {
    sourceTeam: column(0),
    author: column(1),
    signer: column(2),
    authoredAt: column(3),
    firstReviewAt: column(4),
    signedOffAt: column(5),
    aiAssisted: column(6),
    lines: column(7),
  };
}
