/**
 * The body of an alert rule that fires for every team (backlog >= 0 weeks at P50 over 4 weeks),
 * Mondays 08:00 Europe/Rome, sending to `webhookUrl`.
 */
export const anyBacklogRule = (webhookUrl: string) => ({
  name: 'Any backlog',
  metric: 'backlogWeeks',
  comparator: '>=',
  threshold: 0,
  percentile: 'P50',
  lookaheadWeeks: 4,
  schedule: '0 8 * * 1',
  timezone: 'Europe/Rome',
  webhook: { url: webhookUrl, secret: 'dry-run-secret-0123456789' },
});
