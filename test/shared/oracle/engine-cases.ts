import {
  type ForecastInputRaw,
  forecastInputSchema,
  runForecast,
  type ScenarioEventInput,
} from '../../../shared/index';
import type { OracleScenario } from './queue-simulation';

/** Review hours per reviewer-week at the defaults: 6 h less 13% shrinkage (parameters.ts). */
const REGULAR_HOURS = 6 * (1 - 0.13);
/** Default review hours per change (parameters.ts). */
const REVIEW_HOURS = 0.8;

/** A queue case: one team of `authors` whose every change needs one of `reviewers` to sign off. */
export interface QueueCase {
  name: string;
  input: ForecastInputRaw;
}

/** Authoring rate that loads `reviewers` to `load` with `authors` authors. */
const rateFor = (reviewers: number, load: number, authors: number) =>
  (load * reviewers * REGULAR_HOURS) / (REVIEW_HOURS * authors);

/**
 * A case with the feedback loops off (no fatigue, incidents or burnout attrition), no AI, fixed
 * parameters, and a two-level ladder: authors who cannot sign off and reviewers who author nothing.
 */
export const queueCase = (o: {
  name: string;
  reviewers: number;
  load: number;
  authors?: number;
  weeks?: number;
  serviceCv?: number;
  overtime?: boolean;
  arrivalDispersion?: number;
  events?: ScenarioEventInput[];
}): QueueCase => ({
  name: o.name,
  input: {
    org: {
      levels: [
        { id: 'author', canSignOff: false, changesPerWeek: rateFor(o.reviewers, o.load, o.authors ?? 10) },
        { id: 'reviewer', canSignOff: true, changesPerWeek: 0 },
      ],
      teams: [{ id: 'team', name: 'Team', headcount: { author: o.authors ?? 10, reviewer: o.reviewers } }],
    },
    parameters: {
      baselineAiAdoption: 0,
      ordinaryReviewShare: 1,
      fatigueGain: 0,
      sev2PerThousandChanges: 0,
      baseAttritionPerYear: 0,
      maxOvertimeHours: o.overtime ? 8 : 0,
      serviceCv: o.serviceCv ?? 1,
      arrivalDispersion: o.arrivalDispersion ?? 0,
      uncertainty: {},
    },
    scenario: { name: o.name, events: o.events ?? [] },
    options: { startWeek: '2026-01-05', horizonWeeks: o.weeks ?? 26, runs: 0, seed: 1 },
  },
});

/** The date of week `w` from the cases' start (Mondays from 5 Jan 2026). */
export const weekDate = (w: number): string =>
  new Date(Date.UTC(2026, 0, 5 + 7 * w)).toISOString().slice(0, 10);

/**
 * The oracle's view of a case: each week's arrivals, whole reviewers, capacity and mean review
 * hours as the engine's mean path states them; with overtime, the engine's overtime rule applied
 * to the oracle's own queue. Starts from the stationary queue of week 0 (a long warm-up).
 */
export const oracleScenarioOf = (c: QueueCase, warmupWeeks = 150): OracleScenario => {
  const input = forecastInputSchema.parse(c.input);
  const team = runForecast({ ...c.input, options: { ...c.input.options, runs: 0 } }).teams[0]!.metrics;
  const p = input.parameters;
  const weeks = team.signoffDemand.p50.map((arrivals, w) => {
    const reviewers = team.reviewers.p50[w]!;
    return {
      arrivals,
      servers: Math.max(1, Math.round(reviewers)),
      capacityHours: p.maxOvertimeHours > 0 ? reviewers * REGULAR_HOURS : team.capacityHours.p50[w]!,
      serviceHours: arrivals > 0 ? team.demandHours.p50[w]! / arrivals : REVIEW_HOURS,
    };
  });
  return {
    weeks,
    serviceCv: p.serviceCv,
    workHours: p.workHoursPerWeek,
    targetHours: input.options.thresholds.targetWaitHours,
    warmupWeeks,
    arrivalDispersion: p.arrivalDispersion,
    capacity:
      p.maxOvertimeHours > 0
        ? (waiting, week) => {
            const excess = Math.max(0, (waiting + week.arrivals) * week.serviceHours - week.capacityHours);
            const overtime = Math.min(p.maxOvertimeHours, (p.overtimeResponse * excess) / week.servers);
            return week.capacityHours + overtime * week.servers;
          }
        : undefined,
  };
};
