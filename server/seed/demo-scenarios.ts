import type { Scenario } from '../../shared/index';

/**
 * The seed story (reference/calibration.md): about 10% of staff cut [R44], a push to 80% weekly
 * AI use [R43], and from March 2026 senior sign-off for AI-assisted changes by junior and
 * mid-level engineers [R42]. The demo org's plan of record.
 */
export const seedStory: Scenario = {
  name: 'Seed story: cuts, AI push, senior sign-off',
  description:
    'About 10% of staff cut (R44), 80% weekly AI use targeted (R43), and senior sign-off required for AI-assisted changes by junior and mid-level engineers from March 2026 (R42).',
  events: [
    { type: 'layoff', date: '2026-01-26', percent: 10, note: 'Corporate job cuts, ~10% of staff [R44]' },
    {
      type: 'ai-adoption',
      date: '2026-01-05',
      targetPercent: 80,
      rampWeeks: 26,
      shape: 's-curve',
      note: '80% of developers use AI for coding at least weekly [R43]',
    },
    {
      type: 'review-policy',
      date: '2026-03-02',
      rules: { junior: { ai: true, human: false }, mid: { ai: true, human: false } },
      note: 'AI-assisted changes by junior and mid-level engineers need senior sign-off [R42]',
    },
  ],
};

/** The same org with no events, to compare against. */
export const baseline: Scenario = {
  name: 'Baseline',
  description: 'Today’s org and review practice with no changes.',
  events: [],
};
