import type { Db } from '../db/client';
import { type IdentityMatcher, loadIdentityMatcher, type MatchedPerson } from './identity-match';
import { mapEntry } from './map-entry';
import { spanInstants } from './span';
import { loadWeeklyColumns, type StoredChange, type WeeklyColumns } from './stored-changes';
import { aggregateWeekly, type PlacedChange, type WeeklyRow } from './weekly';
import { weekOfDate, weeksIn } from './weeks';

/** Team name of changes whose source has no team and whose author is not on the roster. */
export const noTeam = '(no team)';
/** Level of changes whose author is not on the roster. */
export const unmatchedLevel = 'unmatched';
/** Level of rows that total all levels. */
export const allLevels = 'all';

/** Which rows: one team (by name) and weeks holding `from` to `to` (YYYY-MM-DD), all by default. */
export interface SeriesQuery {
  team?: string;
  from?: string;
  to?: string;
  /** One row per team and week over all levels (level `all`) instead of one per level. */
  totals?: boolean;
  /** The org's time zone: weeks start at its local Monday 00:00 (UTC by default). */
  timeZone?: string;
}

/** Its source's team (else its author's roster team) and its author's level. */
const place = (sourceTeam: string | null, author: MatchedPerson | null) => ({
  team: sourceTeam ?? author?.team ?? noTeam,
  level: author?.level ?? unmatchedLevel,
});

/** A change in its source's team (else its author's roster team) at its author's level. */
export function placeChanges(changes: readonly StoredChange[], match: IdentityMatcher): PlacedChange[] {
  return changes.map((change) => ({ ...change, ...place(change.sourceTeam, match(change.author)) }));
}

/**
 * The changes of {@link loadWeeklyColumns} placed as {@link placeChanges} does, those of team
 * `team` only when given, with level `all` when `totals`. Each source team and author is matched
 * once.
 */
function placeColumns(columns: WeeklyColumns, match: IdentityMatcher, query: SeriesQuery): PlacedChange[] {
  const places = new Map<string | null, Map<string, { team: string; level: string }>>();
  const placeOf = (sourceTeam: string | null, author: string) => {
    const byAuthor = mapEntry(places, sourceTeam, () => new Map<string, { team: string; level: string }>());
    return mapEntry(byAuthor, author, () => {
      const found = place(sourceTeam, match(author));
      return query.totals ? { ...found, level: allLevels } : found;
    });
  };
  const placed: PlacedChange[] = [];
  for (let i = 0; i < columns.author.length; i++) {
    const { team, level } = placeOf(columns.sourceTeam[i]!, columns.author[i]!);
    if (query.team !== undefined && team !== query.team) continue;
    placed.push({
      team,
      level,
      signer: columns.signer[i]!,
      authoredAt: columns.authoredAt[i]!,
      firstReviewAt: columns.firstReviewAt[i]!,
      signedOffAt: columns.signedOffAt[i]!,
      aiAssisted: columns.aiAssisted[i] === 1,
      lines: columns.lines[i]!,
    });
  }
  return placed;
}

/**
 * The org's weekly series, one row per team, level and week of the org's time zone (see
 * {@link aggregateWeekly}), from the stored changes matched to today's roster and aliases.
 * Weeks run over the query's `from` to `to`, by default over the history's span.
 */
export async function weeklySeries(db: Db, orgId: string, query: SeriesQuery = {}): Promise<WeeklyRow[]> {
  const match = await loadIdentityMatcher(db, orgId);
  const placed = placeColumns(await loadWeeklyColumns(db, orgId), match, query);
  if (placed.length === 0) return [];
  const weekIn = weeksIn(query.timeZone ?? 'UTC');
  const span = spanInstants(placed);
  const range = {
    first: query.from ? weekOfDate(query.from) : weekIn(span.first),
    last: query.to ? weekOfDate(query.to) : weekIn(span.last),
  };
  return aggregateWeekly(placed, range, weekIn);
}
