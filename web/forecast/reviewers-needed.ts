import { type Forecast, type Parameters, requiredServers, type Thresholds } from '../../shared';

/**
 * Sign-off reviewers each team needs at its peak-demand week to hold the service-level objective
 * (share within the target wait) under the utilisation cap, summed over teams. Erlang C staffing
 * (shared requiredServers) in working hours: traffic = review hours needed per working hour; a
 * reviewer supplies reviewHoursPerReviewer x (1 - shrinkage) of each workHoursPerWeek.
 */
export function reviewersNeeded(forecast: Forecast, parameters: Parameters, thresholds: Thresholds): number {
  const perReviewer =
    (parameters.reviewHoursPerReviewer * (1 - parameters.shrinkage)) / parameters.workHoursPerWeek;
  let total = 0;
  for (const team of forecast.teams) {
    const hours = team.metrics.demandHours.p50;
    const changes = team.metrics.signoffDemand.p50;
    let peak = 0;
    for (let w = 1; w < hours.length; w++) if (hours[w]! > hours[peak]!) peak = w;
    const demandHours = hours[peak] ?? 0;
    const arrivals = changes[peak] ?? 0;
    if (demandHours <= 0 || arrivals <= 0) continue;
    const { servers } = requiredServers({
      traffic: demandHours / parameters.workHoursPerWeek,
      serviceTime: demandHours / arrivals,
      targetTime: thresholds.targetWaitHours,
      serviceLevel: thresholds.serviceLevel,
      maxOccupancy: Math.min(1, thresholds.utilization),
    });
    total += Math.ceil(servers / perReviewer);
  }
  return total;
}
