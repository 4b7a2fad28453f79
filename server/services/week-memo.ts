import { orgWeek } from '../../shared/index';

interface Week {
  monday: string;
  from: number;
  to: number;
}

/** Per time zone, the last week asked for: its Monday and the instants it spans. */
const weeks = new Map<string, Week>();

/**
 * The week holding `instant` in `zone`, as orgWeek gives it, without re-reading the zone's rules
 * while `instant` stays in the week last asked for: every cached forecast request needs it, and
 * orgWeek cost about a tenth of a cached report's time.
 */
function weekOf(instant: Date, zone: string): Week {
  const at = instant.getTime();
  const known = weeks.get(zone);
  if (known && at >= known.from && at < known.to) return known;
  const week = orgWeek(instant, zone);
  const from = week.startsAt.getTime();
  const to = orgWeek(new Date(from + 8 * 86_400_000), zone).startsAt.getTime();
  const held = { monday: week.monday, from, to };
  weeks.set(zone, held);
  return held;
}

/** The Monday (YYYY-MM-DD) of the week holding `instant` in `zone`. */
export const mondayOf = (instant: Date, zone: string): string => weekOf(instant, zone).monday;

/** When the week holding `instant` in `zone` ends (epoch ms): the next week's Monday 00:00 there. */
export const weekEndOf = (instant: Date, zone: string): number => weekOf(instant, zone).to;
