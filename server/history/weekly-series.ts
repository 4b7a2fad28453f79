import type { Db } from '../db/client';
import { type IdentityMatcher, loadIdentityMatcher } from './identity-match';
import { historySpan } from './span';
import { loadChanges, type StoredChange } from './stored-changes';
import { aggregateWeekly, type PlacedChange, type WeeklyRow } from './weekly';
import { weekOfDate } from './weeks';

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
}

/** A change in its source's team (else its author's roster team) at its author's level. */
export function placeChanges(changes: readonly StoredChange[], match: IdentityMatcher): PlacedChange[] {
  return changes.map((change) => {
    const person = match(change.author);
    return {
      ...change,
      team: change.sourceTeam ?? person?.team ?? noTeam,
      level: person?.level ?? unmatchedLevel,
    };
  });
}

/** The weeks asked for; by default those of {@link historySpan}. */
function rangeOf(changes: readonly PlacedChange[], query: SeriesQuery) {
  const span = historySpan(changes);
  return {
    first: weekOfDate(query.from ?? span.from!),
    last: weekOfDate(query.to ?? span.to!),
  };
}

/**
 * The org's weekly series, one row per team, level and ISO week (see {@link aggregateWeekly}),
 * from the stored changes matched to today's roster and aliases.
 */
export async function weeklySeries(db: Db, orgId: string, query: SeriesQuery = {}): Promise<WeeklyRow[]> {
  const match = await loadIdentityMatcher(db, orgId);
  const placed = placeChanges(await loadChanges(db, orgId), match).filter(
    (c) => query.team === undefined || c.team === query.team,
  );
  if (placed.length === 0) return [];
  const rows = query.totals ? placed.map((c) => ({ ...c, level: allLevels })) : placed;
  return aggregateWeekly(rows, rangeOf(placed, query));
}

/**
 * One team's weekly series per level and in total (level `all`), for fitting the model to the
 * team's history. `from`/`to` as in {@link SeriesQuery}.
 */
export async function teamWeeklySeries(
  db: Db,
  orgId: string,
  team: string,
  range: Omit<SeriesQuery, 'team'> = {},
): Promise<{ byLevel: WeeklyRow[]; totals: WeeklyRow[] }> {
  const match = await loadIdentityMatcher(db, orgId);
  const placed = placeChanges(await loadChanges(db, orgId), match).filter((c) => c.team === team);
  if (placed.length === 0) return { byLevel: [], totals: [] };
  const weeks = rangeOf(placed, range);
  return {
    byLevel: aggregateWeekly(placed, weeks),
    totals: aggregateWeekly(
      placed.map((c) => ({ ...c, level: allLevels })),
      weeks,
    ),
  };
}
