import { settleBursts } from './bursty-start';
import { binomial, gamma, poisson } from './distributions';
import { cappedRatio, M, MAX_BACKLOG_WEEKS, MAX_UTILIZATION, METRIC_COUNT } from './metrics';
import { overtimeOffset, settleOvertime } from './overtime-week';
import { startQueue } from './start-queue';
import { applyOps, type TeamRuns } from './team-state';
import type { Timeline } from './timeline';
import { burstyWeekQueue, newWeekDemand, newWeekQueue, runWeekQueue } from './week-queue';

/**
 * Uniforms one Monte Carlo team-week draws without arrival burstiness: arrivals, the queue's
 * level, incidents, and one binomial per level (a bursty team's week draws its rate first).
 */
export const uniformsPerTeamWeek = (levels: number): number => 3 + levels;

/** Reused each week: one run's queue figures and what its queue week needs to know. */
const week = newWeekQueue();
const demand = newWeekDemand();

/**
 * Advances every run one week and writes value v of run r to `out[v * runs + r]` (metrics of
 * metricKeys, then headcount per level). Monte Carlo runs draw exactly
 * {@link uniformsPerTeamWeek} uniforms: Poisson arrivals (reported as the week's demand; the
 * queue takes the expected arrivals and carries their randomness in its spread, so it is not
 * counted twice), the queue's level, Poisson incidents, binomial departures per level. With
 * `arrivalDispersion` k above 0 a run's week first draws its rate: the expected arrivals times a
 * gamma multiplier of mean 1 and variance k, so the week's count is negative binomial (variance
 * mean (1 + k mean)) and the queue and the overtime rule take that week's rate; the mean path
 * takes the expected week over the multiplier ({@link burstyWeekQueue}). Both start from week
 * 0's stationary queue at the expected rate, settled to the queue bursty weeks keep
 * ({@link settleBursts}) when k is above 0.
 * Sign-off demand: changes the policy marks, plus `ordinaryReviewShare` of the other changes by
 * levels that cannot sign off (reviewers' own unmarked changes go to peer review, outside this queue).
 * A run's `changeRateScale` (a team's change-rate ranges, model-params.ts) multiplies each level's rate.
 */
export const stepWeek = (tl: Timeline, s: TeamRuns, w: number, out: Float64Array): void => {
  const { levels: L, weeks: W } = tl;
  const { team: t, runs: R, rngs, headcount: h, rates, waits } = s;
  // Local aliases: module bindings are read once per week, not per run.
  const drawPoisson = poisson;
  const drawGamma = gamma;
  const drawBinomial = binomial;
  const overtimeRule = s.overtimeRule;
  const waitHours = demand.waitHours;
  waitHours.target = tl.targetWaitHours;
  const ratio = cappedRatio;
  const m = M;
  const headcountAt = METRIC_COUNT * R;
  const maxUtilization = MAX_UTILIZATION;
  const maxBacklogWeeks = MAX_BACKLOG_WEEKS;
  const {
    params,
    burnoutHazard,
    adoption,
    deficit,
    shock,
    fatigue: fatigues,
    incidentHours: incidentLoad,
  } = s;
  const { canSignOff, changesPerWeek, mandatoryAi, mandatoryHuman } = tl;
  applyOps(tl, s, w);
  for (let l = 0; l < L; l++) {
    const i = (t * L + l) * W + w;
    adoption[l] = tl.adoption[i]!;
    deficit[l] = tl.rampDeficit[i]!;
    shock[l] = tl.shock[i]!;
  }
  const humanTime = tl.reviewTime[t * 2 * W + w]!;
  const aiTime = tl.reviewTime[(t * 2 + 1) * W + w]!;
  for (let r = 0; r < R; r++) {
    const p = params[r]!;
    const rateScale = p.changeRateScale;
    const rng = rngs === null ? null : rngs[r]!;
    const humanHours = humanTime * p.humanReviewHours;
    const aiHours = aiTime * p.humanReviewHours * p.aiReviewTimeMultiplier;
    let reviewers = 0;
    let signoff = 0;
    let aiSignoff = 0;
    let hours = 0;
    let defectWeight = 0;
    for (let l = 0; l < L; l++) {
      const people = h[r * L + l]!;
      const present = Math.max(0, people - deficit[l]!);
      out[headcountAt + l * R + r] = people;
      const signs = canSignOff[l] === 1;
      if (signs) reviewers += present * p.activeReviewerShare;
      const a = adoption[l]!;
      const rate = present * changesPerWeek[l]! * (rateScale === undefined ? 1 : rateScale[l]!);
      const ai = rate * a * p.adopterChangeMultiplier * p.aiAssistedShare;
      const human = rate * (1 - a + a * p.adopterChangeMultiplier * (1 - p.aiAssistedShare));
      const ordinary = signs ? 0 : p.ordinaryReviewShare;
      const markedAi = mandatoryAi[l * W + w] === 1;
      const toAi = markedAi ? ai : ai * ordinary;
      const toHuman = mandatoryHuman[l * W + w] === 1 ? human : human * ordinary;
      if (markedAi) aiSignoff += ai;
      signoff += toAi + toHuman;
      hours += toAi * aiHours + toHuman * humanHours;
      defectWeight += human + ai * p.aiDefectMultiplier;
    }
    const incidentHours = incidentLoad[r]!;
    const serviceHours = signoff > 0 ? hours / signoff : humanHours;
    const dispersion = p.arrivalDispersion;
    const burst = rng && dispersion > 0 ? drawGamma(rng, 1 / dispersion) * dispersion : 1;
    const rate = signoff * burst;
    const arrivals = rng ? drawPoisson(rng, rate) : signoff;
    const arrivalHours = arrivals * serviceHours;
    const baseCapacity = reviewers * p.reviewHoursPerReviewer * (1 - p.shrinkage);
    const servers = Math.max(1, Math.round(reviewers));
    rates.servers = servers;
    rates.serviceCv2 = p.serviceCv * p.serviceCv;
    rates.arrivals = signoff;
    rates.capacity = Math.max(0, baseCapacity - incidentHours) / serviceHours;
    overtimeRule.slope = reviewers > 0 ? (p.overtimeResponse * serviceHours) / reviewers : 0;
    overtimeRule.offset = overtimeOffset(p, reviewers, signoff * serviceHours, incidentHours, baseCapacity);
    overtimeRule.cap = reviewers > 0 ? p.maxOvertimeHours : 0;
    waitHours.work = p.workHoursPerWeek;
    if (w === 0) {
      startQueue(s, r, rates, overtimeRule, reviewers / serviceHours);
      settleOvertime(s, r, rates, overtimeRule, reviewers, serviceHours, waitHours);
    }
    demand.signoff = signoff;
    demand.serviceHours = serviceHours;
    demand.reviewers = reviewers;
    demand.incidentHours = incidentHours;
    demand.baseCapacity = baseCapacity;
    if (w === 0 && dispersion > 0) settleBursts(s, r, rates, overtimeRule, p, demand);
    if (rng === null && dispersion > 0) {
      burstyWeekQueue(s, r, rates, overtimeRule, p, demand, week);
    } else {
      if (burst !== 1) {
        rates.arrivals = rate;
        overtimeRule.offset = overtimeOffset(p, reviewers, rate * serviceHours, incidentHours, baseCapacity);
      }
      runWeekQueue(s, r, rates, overtimeRule, demand, rng ? rng.next() : null, week);
    }
    const loadHours = (week.waiting + signoff) * serviceHours;
    const overtime = week.overtimeHoursPerReviewer;
    const capacity = week.capacityHours;
    const capacityChanges = week.capacityChanges;
    const backlogEnd = week.backlog;
    const strain = p.maxOvertimeHours > 0 ? overtime / p.maxOvertimeHours : 0;
    let fatigue = fatigues[r]!;
    fatigue += p.fatigueGain * strain * (1 - fatigue) - p.fatigueRecovery * (1 - strain) * fatigue;
    fatigues[r] = fatigue;
    const pressure = baseCapacity > 0 ? loadHours / baseCapacity : loadHours > 0 ? 3 : 1;
    const escapeFactor = 1 + p.depthSensitivity * Math.min(2, Math.max(0, pressure - 1));
    const expectedIncidents = (defectWeight * p.sev2PerThousandChanges * escapeFactor) / 1000;
    const incidents = rng ? drawPoisson(rng, expectedIncidents) : expectedIncidents;
    incidentLoad[r] = incidents * p.incidentHours;
    const excessHazard = burnoutHazard[r]!;
    let departures = 0;
    for (let l = 0; l < L; l++) {
      const hazard = canSignOff[l] === 1 ? excessHazard * fatigue : 0;
      const leave = 1 - (1 - shock[l]!) * (1 - hazard);
      const people = h[r * L + l]!;
      const gone = rng ? drawBinomial(rng, people, leave) : people * leave;
      h[r * L + l] = people - gone;
      departures += gone;
    }
    out[m.reviewers * R + r] = reviewers;
    out[m.signoffDemand * R + r] = arrivals;
    out[m.aiSignoffDemand * R + r] = signoff > 0 ? (aiSignoff * arrivals) / signoff : 0;
    out[m.demandHours * R + r] = arrivalHours;
    out[m.capacityHours * R + r] = capacity;
    out[m.capacityChanges * R + r] = capacityChanges;
    out[m.utilization * R + r] = ratio(arrivalHours, baseCapacity - incidentHours, maxUtilization);
    out[m.backlog * R + r] = backlogEnd;
    out[m.backlogWeeks * R + r] = ratio(backlogEnd, capacityChanges, maxBacklogWeeks);
    out[m.meanWaitHours * R + r] = waits.mean;
    out[m.p90WaitHours * R + r] = waits.p90;
    out[m.serviceLevel * R + r] = waits.serviceLevel;
    out[m.overtimeHoursPerReviewer * R + r] = overtime;
    out[m.fatigue * R + r] = fatigue;
    out[m.burnoutRisk * R + r] = 100 * fatigue;
    out[m.expectedAttrition * R + r] = departures;
    out[m.sev2Incidents * R + r] = incidents;
  }
};
