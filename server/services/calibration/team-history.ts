import { orgWeek } from '../../../shared/calendar/org-week';
import type { Level } from '../../../shared/index';
import { spanInstants } from '../../history/span';
import type { PlacedChange } from '../../history/weekly';
import { aggregateWeekly, type WeekRange } from '../../history/weekly';
import { type WeekOf, weekLabel, weekOf, weeksIn } from '../../history/weeks';

/** A change of sign-off demand as its week holds it: hours from the week's start to authored, calendar hours to sign-off. */
export interface DemandChange {
  at: number;
  hours: number;
}

/**
 * One week of a team's history as the calibration reads it. A change "needs sign-off" when a
 * level that cannot sign off authored it and someone other than its author signed it off (the
 * engine's sign-off queue; reviewers' own changes go to peer review outside it).
 */
export interface CalibrationWeek {
  /** The week's Monday, YYYY-MM-DD (ISO week of the org's time zone, see {@link weeksIn}). */
  week: string;
  /** Changes authored this week per level id (every level of the ladder, and `unmatched` if any). */
  authored: Record<string, number>;
  /** AI-assisted changes authored this week (all levels). */
  aiAssisted: number;
  /** Changes authored this week that need sign-off. */
  signoffDemand: number;
  /** Sign-offs made this week of changes that need sign-off. */
  signoffsCompleted: number;
  /** Changes that need sign-off, authored by the week's end and not signed off by then. */
  open: number;
  /** Median calendar hours from authored to sign-off of this week's sign-off demand (null: none). */
  medianHoursToSignoff: number | null;
  /** Of this week's sign-off demand, the changes signed off, and their calendar hours to sign-off summed. */
  signed: number;
  signedHours: number;
  /** Who signed off this week's signed sign-off demand (identities, each once). */
  signers: string[];
  /** This week's signed sign-off demand, change by change (see signoff-delays.ts). */
  changes: DemandChange[];
}

/** A team's weekly history with the ladder and today's headcount per level. */
export interface TeamHistory {
  levels: readonly Level[];
  headcount: Readonly<Record<string, number>>;
  weeks: CalibrationWeek[];
  /** The Monday of the partial final week left out of `weeks` ({@link teamHistory}; null: none). */
  partialWeek?: string | null;
}

const demandLevel = 'sign-off demand';
const hourMs = 3_600_000;
const dayMs = 86_400_000;

/** The instant a week (the epoch day number of its Monday) starts: UTC weeks. */
export const utcWeekStart = (day: number): number => day * dayMs;

/**
 * The instant a week of time zone `zone` starts: its local Monday 00:00 (Monday noon UTC lies in
 * that week in every zone), asked of date-fns once per week.
 */
export function zoneWeekStart(zone: string): (day: number) => number {
  if (zone === 'UTC') return utcWeekStart;
  const starts = new Map<number, number>();
  return (day) => {
    let start = starts.get(day);
    if (start === undefined) {
      start = orgWeek(new Date(day * dayMs + 12 * hourMs), zone).startsAt.getTime();
      starts.set(day, start);
    }
    return start;
  };
}

/** Whether a change is sign-off demand (see {@link CalibrationWeek}). */
export const needsSignoff = (change: PlacedChange, signing: ReadonlySet<string>): boolean =>
  change.signer !== null && !signing.has(change.level);

/**
 * The weeks of `range` as {@link CalibrationWeek}s from one team's placed changes (every week of
 * the range, zero-filled), using the weekly aggregation of the history import in the weeks
 * `weekIn` says (UTC ISO weeks by default), each starting at `weekStart` of its Monday.
 */
export function calibrationWeeks(
  changes: readonly PlacedChange[],
  levels: readonly Level[],
  range: WeekRange,
  weekIn: WeekOf = weekOf,
  weekStart: (day: number) => number = utcWeekStart,
): CalibrationWeek[] {
  const signing = new Set(levels.filter((l) => l.canSignOff).map((l) => l.id));
  const byLevel = aggregateWeekly(changes, range, weekIn);
  const demand = aggregateWeekly(
    changes.filter((c) => needsSignoff(c, signing)).map((c) => ({ ...c, level: demandLevel })),
    range,
    weekIn,
  );
  const weeks = new Map<string, CalibrationWeek>();
  const at = (week: string): CalibrationWeek => {
    const found = weeks.get(week);
    if (found) return found;
    const fresh: CalibrationWeek = {
      week,
      authored: Object.fromEntries(levels.map((level) => [level.id, 0])),
      aiAssisted: 0,
      signoffDemand: 0,
      signoffsCompleted: 0,
      open: 0,
      medianHoursToSignoff: null,
      signed: 0,
      signedHours: 0,
      signers: [],
      changes: [],
    };
    weeks.set(week, fresh);
    return fresh;
  };
  for (const row of byLevel) {
    const w = at(row.week);
    w.authored[row.level] = (w.authored[row.level] ?? 0) + row.authored;
    w.aiAssisted += row.aiAssisted;
  }
  for (const row of demand) {
    const w = at(row.week);
    w.signoffDemand = row.authored;
    w.signoffsCompleted = row.signedOff;
    w.open = row.open;
    w.medianHoursToSignoff = row.medianHoursToSignoff;
  }
  for (const change of changes) {
    if (change.signedOffAt === null || !needsSignoff(change, signing)) continue;
    const day = weekIn(change.authoredAt);
    if (day < range.first || day > range.last) continue;
    const w = at(weekLabel(day));
    const hours = Math.max(0, change.signedOffAt - change.authoredAt) / hourMs;
    w.signed++;
    w.signedHours += hours;
    w.changes.push({ at: (change.authoredAt - weekStart(day)) / hourMs, hours });
    if (!w.signers.includes(change.signer!)) w.signers.push(change.signer!);
  }
  for (let day = range.first; day <= range.last; day += 7) at(weekLabel(day));
  return [...weeks.values()].sort((a, b) => (a.week < b.week ? -1 : 1));
}

/**
 * A team's {@link TeamHistory} over the weeks its changes span ({@link spanInstants}), weeks of
 * time zone `zone` (the org's; UTC by default), without the final week: the week holding the
 * history's last event ends after it, so the history shows only part of that week (a git log
 * taken on a Thursday holds Monday to Thursday's landed changes) and its counts would be read
 * as a quiet week. Its Monday is `partialWeek`; the changes stay in the weeks before it where
 * they were open or signed off.
 */
export function teamHistory(
  changes: readonly PlacedChange[],
  levels: readonly Level[],
  headcount: Readonly<Record<string, number>>,
  zone = 'UTC',
): TeamHistory {
  if (changes.length === 0) return { levels, headcount, weeks: [], partialWeek: null };
  const weekIn = weeksIn(zone);
  const span = spanInstants(changes);
  const partial = weekIn(span.last);
  const range = { first: weekIn(span.first), last: partial - 7 };
  return {
    levels,
    headcount,
    weeks:
      range.last < range.first ? [] : calibrationWeeks(changes, levels, range, weekIn, zoneWeekStart(zone)),
    partialWeek: weekLabel(partial),
  };
}
