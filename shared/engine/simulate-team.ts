import { binomial, poisson } from './distributions';
import { applyHeadcountOp } from './headcount-ops';
import { cappedRatio, M, MAX_BACKLOG_WEEKS, MAX_UTILIZATION, METRIC_COUNT } from './metrics';
import type { ModelParams } from './model-params';
import type { Rng } from './rng';
import type { Timeline } from './timeline';
import { type WeekQueue, type WeekWaits, weekWaits } from './waits';

/** Where one team's weekly sample vectors go: value v of week w at `base + v * metricStride + w * weekStride`. */
export interface SampleSink {
  out: Float64Array | Float32Array;
  base: number;
  metricStride: number;
  weekStride: number;
}

/** Uniforms one Monte Carlo team-week draws: arrivals, incidents, and one binomial per level. */
export const uniformsPerTeamWeek = (levels: number): number => 2 + levels;

/**
 * Simulates one team over the horizon. With `rng` null it is the deterministic mean path
 * (expected values, fractional people); with a generator it is one Monte Carlo run drawing
 * exactly {@link uniformsPerTeamWeek} uniforms per week: Poisson arrivals, Poisson incidents, binomial departures
 * per level. Conservation holds exactly: backlog' = (backlog + arrivals) - completed.
 * Sign-off demand: changes the policy marks, plus `ordinaryReviewShare` of the other changes by
 * levels that cannot sign off (reviewers' own unmarked changes go to peer review, outside this queue).
 */
export const simulateTeam = (
  tl: Timeline,
  team: number,
  p: ModelParams,
  rng: Rng | null,
  sink: SampleSink,
): void => {
  const { levels: L, weeks: W } = tl;
  const { out, base, metricStride: ms, weekStride: ws } = sink;
  // Local aliases: module bindings and metric offsets are read once per run, not per week.
  const drawPoisson = poisson;
  const drawBinomial = binomial;
  const estimateWaits = weekWaits;
  const applyOp = applyHeadcountOp;
  const maxUtilization = MAX_UTILIZATION;
  const maxBacklogWeeks = MAX_BACKLOG_WEEKS;
  const m = M;
  const ratio = cappedRatio;
  const headcountAt = METRIC_COUNT * ms;
  const h = tl.headcount.slice(team * L, team * L + L);
  const ops = tl.ops[team]!;
  let nextOp = 0;
  let backlog = 0;
  let fatigue = 0;
  let incidentHours = 0;
  const routineWeekly = 1 - (1 - p.baseAttritionPerYear) ** (1 / 52);
  const excessHazard = routineWeekly * Math.max(0, p.burnoutHazardMultiplier - 1);
  const shrunkHours = p.reviewHoursPerReviewer * (1 - p.shrinkage);
  const variability = (1 + p.serviceCv * p.serviceCv) / 2;
  const q: WeekQueue = {
    reviewers: 0,
    arrivals: 0,
    arrivalHours: 0,
    capacityHours: 0,
    serviceHours: 0,
    backlogStart: 0,
    backlogEnd: 0,
    completed: 0,
    workHours: p.workHoursPerWeek,
    targetHours: tl.targetWaitHours,
    variability,
  };
  const waits: WeekWaits = { mean: 0, p90: 0, serviceLevel: 1 };
  for (let w = 0; w < W; w++) {
    while (nextOp < ops.length && ops[nextOp]!.week === w) applyOp(h, ops[nextOp++]!, rng !== null);
    const humanHours = tl.reviewTime[team * 2 * W + w]! * p.humanReviewHours;
    const aiHours = tl.reviewTime[(team * 2 + 1) * W + w]! * p.humanReviewHours * p.aiReviewTimeMultiplier;
    let reviewers = 0;
    let signoff = 0;
    let aiSignoff = 0;
    let hours = 0;
    let defectWeight = 0;
    const o = base + w * ws;
    for (let l = 0; l < L; l++) {
      const tlw = (team * L + l) * W + w;
      const present = Math.max(0, h[l]! - tl.rampDeficit[tlw]!);
      out[o + headcountAt + l * ms] = h[l]!;
      if (tl.canSignOff[l]) reviewers += present;
      const a = tl.adoption[tlw]!;
      const rate = present * tl.changesPerWeek[l]!;
      const ai = rate * a * p.adopterChangeMultiplier * p.aiAssistedShare;
      const human = rate * (1 - a + a * p.adopterChangeMultiplier * (1 - p.aiAssistedShare));
      const ordinary = tl.canSignOff[l] ? 0 : p.ordinaryReviewShare;
      const toAi = tl.mandatoryAi[l * W + w] ? ai : ai * ordinary;
      const toHuman = tl.mandatoryHuman[l * W + w] ? human : human * ordinary;
      if (tl.mandatoryAi[l * W + w]) aiSignoff += ai;
      signoff += toAi + toHuman;
      hours += toAi * aiHours + toHuman * humanHours;
      defectWeight += human + ai * p.aiDefectMultiplier;
    }
    const serviceHours = signoff > 0 ? hours / signoff : humanHours;
    const arrivals = rng ? drawPoisson(rng, signoff) : signoff;
    const arrivalHours = arrivals * serviceHours;
    const baseCapacity = reviewers * shrunkHours;
    const loadHours = (backlog + arrivals) * serviceHours;
    const excess = Math.max(0, loadHours + incidentHours - baseCapacity);
    const overtime =
      reviewers > 0 ? Math.min(p.maxOvertimeHours, (p.overtimeResponse * excess) / reviewers) : 0;
    const capacity = Math.max(0, baseCapacity + overtime * reviewers - incidentHours);
    const capacityChanges = capacity / serviceHours;
    const queued = backlog + arrivals;
    const completed = Math.min(queued, capacityChanges);
    q.backlogStart = backlog;
    backlog = queued - completed;
    q.reviewers = reviewers;
    q.arrivals = arrivals;
    q.arrivalHours = arrivalHours;
    q.capacityHours = capacity;
    q.serviceHours = serviceHours;
    q.backlogEnd = backlog;
    q.completed = completed;
    estimateWaits(q, waits);
    const strain = p.maxOvertimeHours > 0 ? overtime / p.maxOvertimeHours : 0;
    fatigue += p.fatigueGain * strain * (1 - fatigue) - p.fatigueRecovery * (1 - strain) * fatigue;
    const pressure = baseCapacity > 0 ? loadHours / baseCapacity : loadHours > 0 ? 3 : 1;
    const escapeFactor = 1 + p.depthSensitivity * Math.min(2, Math.max(0, pressure - 1));
    const expectedIncidents = (defectWeight * p.sev2PerThousandChanges * escapeFactor) / 1000;
    const incidents = rng ? drawPoisson(rng, expectedIncidents) : expectedIncidents;
    incidentHours = incidents * p.incidentHours;
    let departures = 0;
    for (let l = 0; l < L; l++) {
      const shock = tl.shock[(team * L + l) * W + w]!;
      const hazard = tl.canSignOff[l] ? excessHazard * fatigue : 0;
      const leave = 1 - (1 - shock) * (1 - hazard);
      const gone = rng ? drawBinomial(rng, h[l]!, leave) : h[l]! * leave;
      h[l] = h[l]! - gone;
      departures += gone;
    }
    out[o + m.reviewers * ms] = reviewers;
    out[o + m.signoffDemand * ms] = arrivals;
    out[o + m.aiSignoffDemand * ms] = signoff > 0 ? (aiSignoff * arrivals) / signoff : 0;
    out[o + m.demandHours * ms] = arrivalHours;
    out[o + m.capacityHours * ms] = capacity;
    out[o + m.capacityChanges * ms] = capacityChanges;
    out[o + m.utilization * ms] = ratio(arrivalHours, baseCapacity - incidentHours, maxUtilization);
    out[o + m.backlog * ms] = backlog;
    out[o + m.backlogWeeks * ms] = ratio(backlog, capacityChanges, maxBacklogWeeks);
    out[o + m.meanWaitHours * ms] = waits.mean;
    out[o + m.p90WaitHours * ms] = waits.p90;
    out[o + m.serviceLevel * ms] = waits.serviceLevel;
    out[o + m.overtimeHoursPerReviewer * ms] = overtime;
    out[o + m.fatigue * ms] = fatigue;
    out[o + m.burnoutRisk * ms] = 100 * fatigue;
    out[o + m.expectedAttrition * ms] = departures;
    out[o + m.sev2Incidents * ms] = incidents;
  }
};
