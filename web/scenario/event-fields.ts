import type { ScenarioEventInput } from '../../shared';

export type EventType = ScenarioEventInput['type'];

/** One input of the event form; `kind` picks the control. */
export interface EventField {
  key: string;
  label: string;
  kind: 'date' | 'number' | 'team' | 'teams' | 'level' | 'optional-level' | 'choice' | 'rules' | 'text';
  min?: number;
  max?: number;
  step?: number;
  choices?: readonly string[];
  optional?: boolean;
}

const date: EventField = { key: 'date', label: 'Date', kind: 'date' };
const note: EventField = { key: 'note', label: 'Note', kind: 'text', optional: true };
const teams: EventField = { key: 'teamIds', label: 'Teams', kind: 'teams', optional: true };

/** Labels of the event types, in the order the add menu lists them. */
export const eventTypeLabels: Record<EventType, string> = {
  layoff: 'Layoff',
  hire: 'Hire',
  'ai-adoption': 'AI adoption',
  'review-policy': 'Review policy',
  promotion: 'Promotion',
  'tool-effect': 'Tool effect',
  'attrition-shock': 'Attrition shock',
};

/** The form fields of each event type (the shared zod schema validates them). */
export const eventFields: Record<EventType, EventField[]> = {
  layoff: [
    date,
    teams,
    { key: 'level', label: 'Level', kind: 'optional-level', optional: true },
    { key: 'percent', label: 'Percent of staff', kind: 'number', min: 0, max: 100, step: 1, optional: true },
    {
      key: 'count',
      label: 'Or count per team',
      kind: 'number',
      min: 0,
      max: 10_000,
      step: 1,
      optional: true,
    },
    note,
  ],
  hire: [
    date,
    { key: 'teamId', label: 'Team', kind: 'team' },
    { key: 'level', label: 'Level', kind: 'level' },
    { key: 'count', label: 'People', kind: 'number', min: 1, max: 10_000, step: 1 },
    { key: 'rampWeeks', label: 'Ramp-up (weeks)', kind: 'number', min: 0, max: 104, step: 1 },
    note,
  ],
  'ai-adoption': [
    date,
    teams,
    { key: 'targetPercent', label: 'Target adoption (%)', kind: 'number', min: 0, max: 100, step: 1 },
    { key: 'rampWeeks', label: 'Ramp (weeks)', kind: 'number', min: 1, max: 260, step: 1 },
    { key: 'shape', label: 'Curve', kind: 'choice', choices: ['s-curve', 'linear'] },
    note,
  ],
  'review-policy': [date, { key: 'rules', label: 'Needs senior sign-off', kind: 'rules' }, note],
  promotion: [
    date,
    { key: 'teamId', label: 'Team', kind: 'team' },
    { key: 'fromLevel', label: 'From level', kind: 'level' },
    { key: 'toLevel', label: 'To level', kind: 'level' },
    { key: 'count', label: 'People', kind: 'number', min: 1, max: 10_000, step: 1 },
    note,
  ],
  'tool-effect': [
    date,
    teams,
    {
      key: 'reviewTimePercent',
      label: 'Review time change (%)',
      kind: 'number',
      min: -90,
      max: 200,
      step: 1,
    },
    { key: 'appliesTo', label: 'Applies to', kind: 'choice', choices: ['all', 'ai', 'human'] },
    note,
  ],
  'attrition-shock': [
    date,
    teams,
    { key: 'level', label: 'Level', kind: 'optional-level', optional: true },
    { key: 'percent', label: 'Leave probability (%)', kind: 'number', min: 0, max: 100, step: 1 },
    note,
  ],
};

/** Starting values of a new event of `type` dated `day`. */
export function draftFor(
  type: EventType,
  day: string,
  firstTeam: string,
  levels: string[],
): Record<string, unknown> {
  const defaults: Record<EventType, Record<string, unknown>> = {
    layoff: { percent: 10 },
    hire: { teamId: firstTeam, level: levels[2] ?? levels[0], count: 2, rampWeeks: 12 },
    'ai-adoption': { targetPercent: 80, rampWeeks: 26, shape: 's-curve' },
    'review-policy': { rules: {} },
    promotion: { teamId: firstTeam, fromLevel: levels[1], toLevel: levels[2], count: 1 },
    'tool-effect': { reviewTimePercent: -20, appliesTo: 'all' },
    'attrition-shock': { percent: 5 },
  };
  return { type, date: day, ...defaults[type] };
}
