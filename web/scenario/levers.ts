import { type Level, leverEventIds, type ScenarioEventInput } from '../../shared';

/** Event ids the editor's sliders own; the timeline shows these events like any other. */
export const leverIds = leverEventIds;

const find = (events: readonly ScenarioEventInput[], id: string) => events.find((event) => event.id === id);

/** Replaces the event with `id` by `next` (kept in place), appends it, or removes it when `next` is null. */
export function putLever(
  events: readonly ScenarioEventInput[],
  id: string,
  next: ScenarioEventInput | null,
): ScenarioEventInput[] {
  const index = events.findIndex((event) => event.id === id);
  if (index < 0) return next ? [...events, next] : [...events];
  return next ? events.map((event, i) => (i === index ? next : event)) : events.filter((_, i) => i !== index);
}

/** Whether the sign-off rule (AI-assisted changes by levels that cannot sign off need senior sign-off) is on. */
export const signOffOn = (events: readonly ScenarioEventInput[]) =>
  find(events, leverIds.signOff) !== undefined;

export const signOffEvent = (date: string, levels: readonly Level[]): ScenarioEventInput => ({
  id: leverIds.signOff,
  type: 'review-policy',
  date,
  rules: Object.fromEntries(
    levels.filter((level) => !level.canSignOff).map((level) => [level.id, { ai: true, human: false }]),
  ),
});

/** AI adoption target (percent) of the lever event, or `fallback` (today's adoption) without one. */
export function aiTarget(events: readonly ScenarioEventInput[], fallback: number): number {
  const event = find(events, leverIds.aiAdoption);
  return event?.type === 'ai-adoption' ? event.targetPercent : fallback;
}

export const aiAdoptionEvent = (date: string, targetPercent: number): ScenarioEventInput => ({
  id: leverIds.aiAdoption,
  type: 'ai-adoption',
  date,
  targetPercent,
  rampWeeks: 26,
  shape: 's-curve',
});

/** Layoff percent of the lever event (0 without one). */
export function layoffPercent(events: readonly ScenarioEventInput[]): number {
  const event = find(events, leverIds.layoff);
  return event?.type === 'layoff' ? (event.percent ?? 0) : 0;
}

export const layoffEvent = (date: string, percent: number): ScenarioEventInput => ({
  id: leverIds.layoff,
  type: 'layoff',
  date,
  percent,
});

/** The date a lever event keeps when moved: its own, else `fallback`. */
export const leverDate = (events: readonly ScenarioEventInput[], id: string, fallback: string) =>
  find(events, id)?.date ?? fallback;
