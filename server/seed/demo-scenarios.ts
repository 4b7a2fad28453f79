import { addWeeks, formatISO, startOfISOWeek } from 'date-fns';
import { leverEventIds, type Scenario } from '../../shared/index';

const weeksFrom = (today: Date, weeks: number) =>
  formatISO(addWeeks(startOfISOWeek(today), weeks), { representation: 'date' });

/**
 * The seed story (reference/calibration.md), replayed from the week the demo is seeded so its
 * effects lie ahead of the forecast: a push to 80% weekly AI use [R43] from 2 weeks on, about
 * 10% of staff cut [R44] in 4 weeks, and senior sign-off for AI-assisted changes by junior and
 * mid-level engineers [R42] from 8 weeks on (the original ran January to March 2026). The events
 * carry the editor's lever ids, so its sliders open on them.
 */
export function seedStory(today: Date): Scenario {
  return {
    name: 'Seed story: cuts, AI push, senior sign-off',
    description:
      'The January-March 2026 story replayed from today: 80% weekly AI use targeted (R43), about 10% of staff cut (R44), then senior sign-off required for AI-assisted changes by junior and mid-level engineers (R42).',
    events: [
      {
        id: leverEventIds.aiAdoption,
        type: 'ai-adoption',
        date: weeksFrom(today, 2),
        targetPercent: 80,
        rampWeeks: 26,
        shape: 's-curve',
        note: '80% of developers use AI for coding at least weekly [R43]',
      },
      {
        id: leverEventIds.layoff,
        type: 'layoff',
        date: weeksFrom(today, 4),
        percent: 10,
        note: 'Corporate job cuts, ~10% of staff [R44]',
      },
      {
        id: leverEventIds.signOff,
        type: 'review-policy',
        date: weeksFrom(today, 8),
        rules: { junior: { ai: true, human: false }, mid: { ai: true, human: false } },
        note: 'AI-assisted changes by junior and mid-level engineers need senior sign-off [R42]',
      },
    ],
  };
}

/** The same org with no events, to compare against. */
export const baseline: Scenario = {
  name: 'Baseline',
  description: 'Today’s org and review practice with no changes.',
  events: [],
};
