/**
 * Per-week series every team and the org get, with units:
 * - reviewers: people who may sign off, present (headcount equivalents, ramping hires partial)
 * - signoffDemand: changes per week arriving at sign-off reviewers
 * - aiSignoffDemand: AI-assisted changes per week that the policy sends to mandatory sign-off
 * - demandHours: review hours per week those arrivals need
 * - capacityHours: review hours per week available (after shrinkage, plus overtime, less incidents)
 * - capacityChanges: sign-offs per week that capacity can complete
 * - utilization: demandHours / regular review hours (no overtime, less incident hours; capped at 10)
 * - backlog: changes waiting at the end of the week
 * - backlogWeeks: backlog in weeks of capacity (capped at 260)
 * - meanWaitHours, p90WaitHours: wait for sign-off in working hours (capped at 10,400)
 * - serviceLevel: share (0-1) of sign-offs done within the target wait
 * - overtimeHoursPerReviewer: hours per reviewer per week
 * - fatigue: reviewer fatigue stock (0-1); burnoutRisk: index 0-100
 * - expectedAttrition: people leaving that week (burnout excess and shocks; routine attrition is backfilled)
 * - sev2Incidents: severity-2 incidents per week
 */
export const metricKeys = [
  'reviewers',
  'signoffDemand',
  'aiSignoffDemand',
  'demandHours',
  'capacityHours',
  'capacityChanges',
  'utilization',
  'backlog',
  'backlogWeeks',
  'meanWaitHours',
  'p90WaitHours',
  'serviceLevel',
  'overtimeHoursPerReviewer',
  'fatigue',
  'burnoutRisk',
  'expectedAttrition',
  'sev2Incidents',
] as const;

export type MetricKey = (typeof metricKeys)[number];

/**
 * Index of each metric in a sample vector (its position in {@link metricKeys}); headcount per
 * level follows at METRIC_COUNT + level. A literal, not computed, so hot loops read constants.
 */
export const M = {
  reviewers: 0,
  signoffDemand: 1,
  aiSignoffDemand: 2,
  demandHours: 3,
  capacityHours: 4,
  capacityChanges: 5,
  utilization: 6,
  backlog: 7,
  backlogWeeks: 8,
  meanWaitHours: 9,
  p90WaitHours: 10,
  serviceLevel: 11,
  overtimeHoursPerReviewer: 12,
  fatigue: 13,
  burnoutRisk: 14,
  expectedAttrition: 15,
  sev2Incidents: 16,
} as const satisfies { [K in MetricKey]: number };

export const METRIC_COUNT = metricKeys.length;

/** A metric reported as a band: every one but fatigue, which burnoutRisk gives exactly (100 x fatigue). */
export type BandedMetricKey = Exclude<MetricKey, 'fatigue'>;

/**
 * The metrics forecasts report as bands, in vector order: a series that is an exact transform of
 * another (fatigue = burnoutRisk / 100) is neither ranked nor stored nor sent.
 */
export const bandedMetricKeys = metricKeys.filter((key): key is BandedMetricKey => key !== 'fatigue');

/** Banded metrics per forecast (team or org), before headcount by level. */
export const BANDED_COUNT = bandedMetricKeys.length;

/** The sample-vector index of banded entry `i` (banded metrics, then headcount by level). */
export const bandedVectorIndex = (i: number): number => (i < M.fatigue ? i : i + 1);

/** Metric names alert rules use, and the forecast series each reads. */
export const alertMetricKeys = [
  'backlogWeeks',
  'p90WaitHours',
  'serviceLevel',
  'utilization',
  'burnoutRisk',
  'sev2PerWeek',
] as const;

export type AlertMetricKey = (typeof alertMetricKeys)[number];

export const alertMetricSeries: { [K in AlertMetricKey]: BandedMetricKey } = {
  backlogWeeks: 'backlogWeeks',
  p90WaitHours: 'p90WaitHours',
  serviceLevel: 'serviceLevel',
  utilization: 'utilization',
  burnoutRisk: 'burnoutRisk',
  sev2PerWeek: 'sev2Incidents',
};

/** Caps that keep outputs finite when capacity reaches zero. */
export const MAX_UTILIZATION = 10;
export const MAX_BACKLOG_WEEKS = 260;
export const MAX_WAIT_HOURS = 10_400;

/** num / den capped at `cap`; `cap` when only the denominator is zero, 0 when both are. */
export const cappedRatio = (num: number, den: number, cap: number): number =>
  den > 0 ? Math.min(cap, num / den) : num > 0 ? cap : 0;
