import { cappedRatio, M, MAX_BACKLOG_WEEKS, MAX_UTILIZATION, METRIC_COUNT } from './metrics';

/** Accumulator slots per org week: sums and weighted sums, then headcount per level. */
const A = {
  reviewers: 0,
  signoff: 1,
  aiSignoff: 2,
  demandHours: 3,
  capacity: 4,
  capacityChanges: 5,
  backlog: 6,
  waitWeight: 7,
  meanWait: 8,
  p90Wait: 9,
  serviceLevel: 10,
  overtime: 11,
  fatigue: 12,
  attrition: 13,
  sev2: 14,
  regularHours: 15,
} as const;

export const ORG_SLOTS = 16;

/** A strided view of one week's vector: value v at `base + v * stride`. */
export interface VectorView {
  data: Float64Array | Float32Array;
  base: number;
  stride: number;
}

/**
 * Adds one team's whole run into the org accumulators: `series` holds value v of week w at
 * `base + v * weeks + w`; week w's slots start at `at + w * (ORG_SLOTS + levels)`. Hot path:
 * no closures, no allocation.
 */
export const accumulateOrg = (
  acc: Float64Array,
  at: number,
  series: Float64Array,
  base: number,
  weeks: number,
  levels: number,
): void => {
  const m = M;
  const slots = ORG_SLOTS + levels;
  const reviewers = base + m.reviewers * weeks;
  const arrivals = base + m.signoffDemand * weeks;
  const ai = base + m.aiSignoffDemand * weeks;
  const hours = base + m.demandHours * weeks;
  const capacity = base + m.capacityHours * weeks;
  const capacityChanges = base + m.capacityChanges * weeks;
  const utilization = base + m.utilization * weeks;
  const backlog = base + m.backlog * weeks;
  const meanWait = base + m.meanWaitHours * weeks;
  const p90Wait = base + m.p90WaitHours * weeks;
  const serviceLevel = base + m.serviceLevel * weeks;
  const overtime = base + m.overtimeHoursPerReviewer * weeks;
  const fatigue = base + m.fatigue * weeks;
  const attrition = base + m.expectedAttrition * weeks;
  const sev2 = base + m.sev2Incidents * weeks;
  const headcount = base + METRIC_COUNT * weeks;
  for (let w = 0; w < weeks; w++) {
    const o = at + w * slots;
    const people = series[reviewers + w]!;
    const weight = series[arrivals + w]! + series[backlog + w]!;
    const demandHours = series[hours + w]!;
    const load = series[utilization + w]!;
    acc[o + A.reviewers]! += people;
    acc[o + A.signoff]! += series[arrivals + w]!;
    acc[o + A.aiSignoff]! += series[ai + w]!;
    acc[o + A.demandHours]! += demandHours;
    acc[o + A.regularHours]! += load > 0 ? demandHours / load : 0;
    acc[o + A.capacity]! += series[capacity + w]!;
    acc[o + A.capacityChanges]! += series[capacityChanges + w]!;
    acc[o + A.backlog]! += series[backlog + w]!;
    acc[o + A.waitWeight]! += weight;
    acc[o + A.meanWait]! += weight * series[meanWait + w]!;
    acc[o + A.p90Wait]! += weight * series[p90Wait + w]!;
    acc[o + A.serviceLevel]! += weight * series[serviceLevel + w]!;
    acc[o + A.overtime]! += people * series[overtime + w]!;
    acc[o + A.fatigue]! += people * series[fatigue + w]!;
    acc[o + A.attrition]! += series[attrition + w]!;
    acc[o + A.sev2]! += series[sev2 + w]!;
    for (let l = 0; l < levels; l++) acc[o + ORG_SLOTS + l]! += series[headcount + l * weeks + w]!;
  }
};

/**
 * Turns accumulators into the org's week vector: sums for counts, hours and backlog;
 * utilisation from summed demand and regular hours (demand / utilisation per team), backlog
 * weeks from summed backlog and capacity in changes; waits and service level
 * weighted by each team's arrivals plus backlog; overtime, fatigue and burnout weighted by reviewers.
 */
export const finalizeOrg = (acc: Float64Array, at: number, org: VectorView, levels: number): void => {
  const { data, base, stride } = org;
  const m = M;
  const reviewers = acc[at + A.reviewers]!;
  const weight = acc[at + A.waitWeight]!;
  const fatigue = reviewers > 0 ? acc[at + A.fatigue]! / reviewers : 0;
  const demandHours = acc[at + A.demandHours]!;
  const capacity = acc[at + A.capacity]!;
  const backlog = acc[at + A.backlog]!;
  data[base + m.reviewers * stride] = reviewers;
  data[base + m.signoffDemand * stride] = acc[at + A.signoff]!;
  data[base + m.aiSignoffDemand * stride] = acc[at + A.aiSignoff]!;
  data[base + m.demandHours * stride] = demandHours;
  data[base + m.capacityHours * stride] = capacity;
  data[base + m.capacityChanges * stride] = acc[at + A.capacityChanges]!;
  data[base + m.utilization * stride] = cappedRatio(demandHours, acc[at + A.regularHours]!, MAX_UTILIZATION);
  data[base + m.backlog * stride] = backlog;
  data[base + m.backlogWeeks * stride] = cappedRatio(
    backlog,
    acc[at + A.capacityChanges]!,
    MAX_BACKLOG_WEEKS,
  );
  data[base + m.meanWaitHours * stride] = weight > 0 ? acc[at + A.meanWait]! / weight : 0;
  data[base + m.p90WaitHours * stride] = weight > 0 ? acc[at + A.p90Wait]! / weight : 0;
  data[base + m.serviceLevel * stride] = weight > 0 ? acc[at + A.serviceLevel]! / weight : 1;
  data[base + m.overtimeHoursPerReviewer * stride] = reviewers > 0 ? acc[at + A.overtime]! / reviewers : 0;
  data[base + m.fatigue * stride] = fatigue;
  data[base + m.burnoutRisk * stride] = 100 * fatigue;
  data[base + m.expectedAttrition * stride] = acc[at + A.attrition]!;
  data[base + m.sev2Incidents * stride] = acc[at + A.sev2]!;
  const headcount = base + METRIC_COUNT * stride;
  for (let l = 0; l < levels; l++) data[headcount + l * stride] = acc[at + ORG_SLOTS + l]!;
};
