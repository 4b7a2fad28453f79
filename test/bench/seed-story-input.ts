import { type ForecastInput, forecastInputSchema } from '../../shared/index';

/** Headcount by level of every team of a bench org. */
export type TeamHeadcount = Record<string, number>;

/**
 * A validated engine input for the benches: `teams` teams of `headcount` each under the seed story
 * [R42]-[R44] (a 10% layoff, AI use pushed to 80% over 26 weeks, senior sign-off for junior and mid
 * AI changes), starting 2026-01-05 with seed 42.
 */
export const seedStoryInput = (
  teams: number,
  headcount: TeamHeadcount,
  horizonWeeks: number,
  runs: number,
): ForecastInput =>
  forecastInputSchema.parse({
    org: {
      teams: Array.from({ length: teams }, (_, i) => ({ id: `team-${i}`, name: `Team ${i}`, headcount })),
    },
    scenario: {
      name: 'seed story [R42]-[R44]',
      events: [
        { type: 'layoff', date: '2026-01-12', percent: 10 },
        { type: 'ai-adoption', date: '2026-01-05', targetPercent: 80, rampWeeks: 26 },
        {
          type: 'review-policy',
          date: '2026-03-02',
          rules: { junior: { ai: true, human: false }, mid: { ai: true, human: false } },
        },
      ],
    },
    options: { startWeek: '2026-01-05', horizonWeeks, runs, seed: 42 },
  });
