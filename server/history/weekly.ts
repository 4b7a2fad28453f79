import type { WeeklyCounts } from '../../shared/index';
import { mapEntry } from './map-entry';
import { nearestRank } from './percentile';
import { type WeekOf, weekLabel, weekOf } from './weeks';

/** A change placed in a team and level (its author's), times in epoch milliseconds. */
export interface PlacedChange {
  team: string;
  level: string;
  signer: string | null;
  authoredAt: number;
  firstReviewAt: number | null;
  signedOffAt: number | null;
  aiAssisted: boolean;
  lines: number;
}

/** One team, level and week (see {@link WeeklyCounts}), with the week's sign-offs per reviewer. */
export interface WeeklyRow extends WeeklyCounts {
  /** Sign-offs made this week per signer identity (the signer is not the author). */
  signoffsByReviewer: Record<string, number>;
}

interface Cell {
  authored: number;
  aiAssisted: number;
  signedOff: number;
  lines: number;
  toReview: number[];
  toSignoff: number[];
  signoffs: Record<string, number>;
}

const hourMs = 3_600_000;
const hoursBetween = (from: number, to: number) => Math.max(0, to - from) / hourMs;
const emptyCell = (): Cell => ({
  authored: 0,
  aiAssisted: 0,
  signedOff: 0,
  lines: 0,
  toReview: [],
  toSignoff: [],
  signoffs: {},
});

/** Weeks `[first, last]` as Monday day numbers, inclusive. */
export interface WeekRange {
  first: number;
  last: number;
}

interface Group {
  team: string;
  level: string;
  cells: Map<number, Cell>;
}

function cellsOf(changes: readonly PlacedChange[], weekIn: WeekOf) {
  const groups = new Map<string, Map<string, Group>>();
  const cell = (team: string, level: string, week: number): Cell => {
    const levels = mapEntry(groups, team, () => new Map<string, Group>());
    const group = mapEntry(levels, level, () => ({ team, level, cells: new Map<number, Cell>() }));
    return mapEntry(group.cells, week, emptyCell);
  };
  for (const change of changes) {
    const authored = cell(change.team, change.level, weekIn(change.authoredAt));
    authored.authored++;
    if (change.aiAssisted) authored.aiAssisted++;
    authored.lines += change.lines;
    if (change.firstReviewAt !== null)
      authored.toReview.push(hoursBetween(change.authoredAt, change.firstReviewAt));
    if (change.signedOffAt === null) continue;
    authored.toSignoff.push(hoursBetween(change.authoredAt, change.signedOffAt));
    const signed = cell(change.team, change.level, weekIn(Math.max(change.signedOffAt, change.authoredAt)));
    signed.signedOff++;
    if (change.signer) signed.signoffs[change.signer] = (signed.signoffs[change.signer] ?? 0) + 1;
  }
  return [...groups.values()].flatMap((levels) => [...levels.values()]);
}

/**
 * Weekly rows per team and level: every week of `range` from the group's first week with
 * activity (authored or signed off) to its last (or to the range end while changes stay open),
 * zero-filled, in the weeks `weekIn` says (UTC ISO weeks by default). A change signed off before it was authored (clock skew) counts as signed off in
 * its authored week. Rows are sorted by team, level, week.
 */
export function aggregateWeekly(
  changes: readonly PlacedChange[],
  range: WeekRange,
  weekIn: WeekOf = weekOf,
): WeeklyRow[] {
  const rows: WeeklyRow[] = [];
  const groups = cellsOf(changes, weekIn).sort((a, b) =>
    a.team === b.team ? (a.level < b.level ? -1 : 1) : a.team < b.team ? -1 : 1,
  );
  for (const { team, level, cells } of groups) {
    const weeks = [...cells.keys()].sort((a, b) => a - b);
    let open = 0;
    let w = weeks[0]!;
    const lastActive = weeks[weeks.length - 1]!;
    for (; w <= Math.max(lastActive, range.last); w += 7) {
      const c = cells.get(w) ?? emptyCell();
      open += c.authored - c.signedOff;
      if (w > lastActive && open === 0) break;
      if (w < range.first || w > range.last) continue;
      const toReview = c.toReview.sort((a, b) => a - b);
      const toSignoff = c.toSignoff.sort((a, b) => a - b);
      rows.push({
        week: weekLabel(w),
        team,
        level,
        authored: c.authored,
        aiAssisted: c.aiAssisted,
        signedOff: c.signedOff,
        open,
        medianHoursToFirstReview: nearestRank(toReview, 0.5),
        p90HoursToFirstReview: nearestRank(toReview, 0.9),
        medianHoursToSignoff: nearestRank(toSignoff, 0.5),
        p90HoursToSignoff: nearestRank(toSignoff, 0.9),
        lines: c.lines,
        signoffsByReviewer: c.signoffs,
      });
    }
  }
  return rows;
}
