import { Cron } from 'croner';

/**
 * Why `pattern` is not a usable cron expression in `timezone` (five fields, or six with seconds
 * first), or null when it is. Expressions that never fire again are rejected too.
 */
export function scheduleProblem(pattern: string, timezone: string): string | null {
  try {
    const next = new Cron(pattern, { timezone, paused: true }).nextRun(new Date());
    return next ? null : 'never fires';
  } catch (error) {
    return error instanceof Error ? error.message.replace(/^CronPattern: /, '') : 'invalid cron expression';
  }
}

/** The next `count` instants after `from` that `pattern` matches in `timezone`; empty when it is invalid. */
export function nextScheduleTimes(pattern: string, timezone: string, from: Date, count: number): Date[] {
  if (scheduleProblem(pattern, timezone)) return [];
  return new Cron(pattern, { timezone, paused: true }).nextRuns(count, from);
}

const part = (parts: Intl.DateTimeFormatPart[], type: Intl.DateTimeFormatPartTypes) =>
  parts.find((p) => p.type === type)?.value ?? '';

/** `instant` as wall-clock time in `timezone`, e.g. "Mon 7 Dec 2026, 08:00" (24-hour, day first). */
export function zonedTimeLabel(instant: Date, timezone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: timezone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const p = (type: Intl.DateTimeFormatPartTypes) => part(parts, type);
  return `${p('weekday')} ${p('day')} ${p('month')} ${p('year')}, ${p('hour')}:${p('minute')}`;
}

const dayNames = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const dayAbbreviations = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

/** A day-of-week cron token (0-7 or SUN-SAT) as 0-6, or null. */
function dayIndex(token: string): number | null {
  const named = dayAbbreviations.indexOf(token.toUpperCase());
  if (named >= 0) return named;
  return /^[0-7]$/.test(token) ? Number(token) % 7 : null;
}

/** The day-of-week field in words ("Mondays", "Weekdays", "Mondays and Thursdays"), or null. */
function daysWords(field: string): string | null {
  if (field === '*' || field === '?') return 'Every day';
  const range = field.match(/^(\w+)-(\w+)$/);
  if (range) {
    const [from, to] = [dayIndex(range[1] ?? ''), dayIndex(range[2] ?? '')];
    if (from === 1 && to === 5) return 'Weekdays';
    return from === null || to === null ? null : `${dayNames[from]} to ${dayNames[to]}`;
  }
  const days = field.split(',').map(dayIndex);
  if (days.some((d) => d === null)) return null;
  const plural = days.map((d) => `${dayNames[d ?? 0]}s`);
  const last = plural.pop();
  return plural.length ? `${plural.join(', ')} and ${last}` : (last ?? null);
}

const twoDigits = (value: string) => value.padStart(2, '0');

/**
 * A cron schedule in words with its zone, e.g. "Mondays at 08:00 Europe/Rome" or "Weekdays at
 * 09:00 and 17:00 UTC"; patterns beyond a fixed time on some days read as the cron text.
 */
export function describeSchedule(pattern: string, timezone: string): string {
  const fields = pattern.trim().split(/\s+/);
  const [minute = '', hour = '', dom = '', month = '', dow = ''] =
    fields.length === 6 && fields[0] === '0' ? fields.slice(1) : fields;
  const fallback = `On the cron schedule "${pattern.trim()}" in ${timezone}`;
  if (fields.length < 5 || fields.length > 6 || month !== '*') return fallback;
  if (!/^\d{1,2}$/.test(minute) || !/^\d{1,2}(,\d{1,2})*$/.test(hour)) return fallback;
  const times = hour.split(',').map((h) => `${twoDigits(h)}:${twoDigits(minute)}`);
  const last = times.pop();
  const at = `at ${times.length ? `${times.join(', ')} and ` : ''}${last}`;
  if (/^\d{1,2}$/.test(dom) && (dow === '*' || dow === '?'))
    return `Day ${dom} of every month ${at} ${timezone}`;
  const days = dom === '*' || dom === '?' ? daysWords(dow) : null;
  return days ? `${days} ${at} ${timezone}` : fallback;
}
