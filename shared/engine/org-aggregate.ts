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
 * Adds `runs` team-week vectors into the org accumulators: run r's value v is at
 * `data[r + v * runs]`, its accumulators at `acc[at + r * atStride ...]`. Hot path: no closures,
 * no allocation.
 */
export const accumulateOrg = (
  acc: Float64Array,
  at: number,
  atStride: number,
  data: Float64Array,
  runs: number,
  levels: number,
): void => {
  const m = M;
  const stride = runs;
  const headcount = METRIC_COUNT * stride;
  for (let base = 0; base < runs; base++) {
    const to = at + base * atStride;
    const people = data[base + m.reviewers * stride]!;
    const arrivals = data[base + m.signoffDemand * stride]!;
    const backlog = data[base + m.backlog * stride]!;
    const weight = arrivals + backlog;
    const demandHours = data[base + m.demandHours * stride]!;
    const load = data[base + m.utilization * stride]!;
    acc[to + A.reviewers]! += people;
    acc[to + A.signoff]! += arrivals;
    acc[to + A.aiSignoff]! += data[base + m.aiSignoffDemand * stride]!;
    acc[to + A.demandHours]! += demandHours;
    acc[to + A.regularHours]! += load > 0 ? demandHours / load : 0;
    acc[to + A.capacity]! += data[base + m.capacityHours * stride]!;
    acc[to + A.capacityChanges]! += data[base + m.capacityChanges * stride]!;
    acc[to + A.backlog]! += backlog;
    acc[to + A.waitWeight]! += weight;
    acc[to + A.meanWait]! += weight * data[base + m.meanWaitHours * stride]!;
    acc[to + A.p90Wait]! += weight * data[base + m.p90WaitHours * stride]!;
    acc[to + A.serviceLevel]! += weight * data[base + m.serviceLevel * stride]!;
    acc[to + A.overtime]! += people * data[base + m.overtimeHoursPerReviewer * stride]!;
    acc[to + A.fatigue]! += people * data[base + m.fatigue * stride]!;
    acc[to + A.attrition]! += data[base + m.expectedAttrition * stride]!;
    acc[to + A.sev2]! += data[base + m.sev2Incidents * stride]!;
    for (let l = 0; l < levels; l++) acc[to + ORG_SLOTS + l]! += data[base + headcount + l * stride]!;
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
