import type { LeverValues } from '../components/lever-sliders';

/** The editor's query parameters: `v` the version, then the lever values a share link carries. */
export type EditorQuery = Partial<Record<'v' | 'ai' | 'layoff' | 'hours' | 'signoff', string>>;

const number = (text: string | undefined, min: number, max: number): number | undefined => {
  if (text === undefined || text.trim() === '') return undefined;
  const value = Number(text);
  return Number.isFinite(value) && value >= min && value <= max ? value : undefined;
};

/** The version a link names (a whole number from 1), or undefined for the latest. */
export const linkedVersion = (query: EditorQuery): number | undefined => {
  const version = number(query.v, 1, Number.MAX_SAFE_INTEGER);
  return version !== undefined && Number.isInteger(version) ? version : undefined;
};

/** Lever values a link sets; out-of-range or malformed values are left out. */
export function linkedLevers(query: EditorQuery): Partial<LeverValues> {
  const levers: Partial<LeverValues> = {};
  const ai = number(query.ai, 0, 100);
  const layoff = number(query.layoff, 0, 50);
  const hours = number(query.hours, 1, 20);
  if (ai !== undefined) levers.aiTarget = ai;
  if (layoff !== undefined) levers.layoffPercent = layoff;
  if (hours !== undefined) levers.reviewHours = hours;
  if (query.signoff === '1' || query.signoff === '0') levers.signOff = query.signoff === '1';
  return levers;
}

/** The query parameters of lever values, for the address bar and share links. */
export const leverQuery = (values: LeverValues) => ({
  ai: String(values.aiTarget),
  layoff: String(values.layoffPercent),
  hours: String(values.reviewHours),
  signoff: values.signOff ? '1' : '0',
});
