import type { ForecastSummary } from '../api/types';

/** Sign-off reviewers needed at each team's peak week in a stored run's summary, summed over teams. */
export const storedReviewersNeeded = (summary: ForecastSummary): number =>
  summary.reviewersNeeded.reduce((sum, team) => sum + team.reviewersNeeded, 0);
