import type { Forecast } from '../../shared/index';

/** A forecast to evaluate rules against, and which scenario, version and run it came from. */
export interface ForecastSnapshot {
  forecast: Forecast;
  source: Record<string, unknown>;
}

/**
 * Produces a fresh forecast of an org's plan of record, starting at the week of `now` and
 * covering at least `horizonWeeks`. Throws when the org has no plan of record.
 */
export type ForecastSource = (
  orgId: string,
  request: { horizonWeeks: number; now: Date },
) => Promise<ForecastSnapshot>;
