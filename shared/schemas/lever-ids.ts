/**
 * Ids of the scenario events that the editor's sliders own (one of each at most). A scenario
 * whose events carry these ids opens with its sliders showing those events.
 */
export const leverEventIds = {
  signOff: 'lever-sign-off',
  aiAdoption: 'lever-ai-adoption',
  layoff: 'lever-layoff',
} as const;
