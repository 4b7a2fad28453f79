const dayMs = 86_400_000;

/**
 * The UTC ISO week (weeks start Monday) holding `ms`, as the epoch day number of its Monday.
 * 1970-01-01 was a Thursday, so Monday 1969-12-29 is day -3.
 */
export const weekOf = (ms: number): number => Math.floor((Math.floor(ms / dayMs) + 3) / 7) * 7 - 3;

/** A week's Monday as YYYY-MM-DD. */
export const weekLabel = (week: number): string => new Date(week * dayMs).toISOString().slice(0, 10);

/** The week holding a YYYY-MM-DD date. */
export const weekOfDate = (date: string): number => weekOf(Date.parse(`${date}T00:00:00Z`));

/** A UTC date as YYYY-MM-DD. */
export const dayLabel = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
