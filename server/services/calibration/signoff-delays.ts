import { normalQuantile, type Rng } from '../../../shared/index';
import { HOURS_PER_WEEK } from './estimates';
import type { DemandChange } from './team-history';
import { weekEffect } from './week-effect';

/**
 * Kaplan-Meier estimate of the sign-off delay's survival (Kaplan and Meier, JASA 53(282), 1958),
 * its tail completed by an exponential (as Brown, Hollander and Korwar, 1974, complete the curve
 * past its data): `survival[j]` = P(delay > `times[j]`), times the distinct delays of changes
 * signed up to `tailStart`, ascending; past `tailStart` the survival falls at the constant hazard
 * `tailHazard` (per hour) from `tailSurvival` ({@link TAIL_SIGNOFFS}).
 */
export interface DelaySurvival {
  times: Float64Array;
  survival: Float64Array;
  tailStart: number;
  tailSurvival: number;
  tailHazard: number;
  /** The longest time observed, signed or still open (a delay beyond every signed one is read as this). */
  longest: number;
}

/**
 * Sign-offs the survival's tail is fitted to: the last 10. Past the first of them the curve has
 * a step only where one of a handful of changes happened to be signed, so a change already open
 * that long would be certain to stay open through any stretch without one (or for ever, past the
 * last): the tail instead takes their sign-offs over the hours they and every change still open
 * spent at risk past it, the exponential's maximum likelihood hazard under censoring (relative
 * standard error about 1 / sqrt(10), a third). With fewer sign-offs in all there is no tail to fit:
 * the curve ends flat at its last step (hazard 0).
 */
export const TAIL_SIGNOFFS = 10;

/** One change's delay as seen at an origin: signed after `time` hours (`signed`), or open for `time` so far. */
export interface DelayObservation {
  time: number;
  signed: boolean;
}

/** Observations in the order the estimate reads them: by time, signed before open at the same time. */
const byTime = (a: DelayObservation, b: DelayObservation) =>
  a.time - b.time || Number(b.signed) - Number(a.signed);

/**
 * The {@link DelaySurvival} of `sorted` observations ({@link byTime} order), each counted
 * `weights[i]` times (all once when left out): changes still open are censored at their age.
 */
function survivalOf(sorted: readonly DelayObservation[], weights?: ArrayLike<number>): DelaySurvival {
  const weight = (i: number) => (weights === undefined ? 1 : weights[i]!);
  let tailStart = Number.POSITIVE_INFINITY;
  let lastSigned = 0;
  for (let i = sorted.length - 1, signed = 0; i >= 0 && signed < TAIL_SIGNOFFS; i--) {
    if (!sorted[i]!.signed || weight(i) === 0) continue;
    signed += weight(i);
    lastSigned = Math.max(lastSigned, sorted[i]!.time);
    if (signed >= TAIL_SIGNOFFS) tailStart = sorted[i]!.time;
  }
  const times: number[] = [];
  const survival: number[] = [];
  let atRisk = 0;
  for (let i = 0; i < sorted.length; i++) atRisk += weight(i);
  let s = 1;
  let longest = 0;
  let tailSignoffs = 0;
  let tailExposure = 0;
  for (let i = 0; i < sorted.length; ) {
    const time = sorted[i]!.time;
    let signed = 0;
    let leaving = 0;
    for (; i < sorted.length && sorted[i]!.time === time; i++) {
      leaving += weight(i);
      if (sorted[i]!.signed) signed += weight(i);
    }
    if (leaving > 0) longest = time;
    if (time > tailStart) {
      tailSignoffs += signed;
      tailExposure += leaving * (time - tailStart);
    } else if (signed > 0) {
      s *= 1 - signed / atRisk;
      times.push(time);
      survival.push(s);
    }
    atRisk -= leaving;
  }
  return {
    times: Float64Array.from(times),
    survival: Float64Array.from(survival),
    tailStart: Math.min(tailStart, lastSigned),
    tailSurvival: s,
    tailHazard: tailExposure > 0 ? tailSignoffs / tailExposure : 0,
    longest,
  };
}

/** The {@link DelaySurvival} of `observations` (changes still open are censored at their age). */
export const kaplanMeier = (observations: readonly DelayObservation[]): DelaySurvival =>
  survivalOf([...observations].sort(byTime));

/** P(delay > `hours`): the survival at the last signed time at or before it (1 before the first), the exponential past the tail's start. */
export function survivalAt(model: DelaySurvival, hours: number): number {
  const { times, survival, tailStart, tailSurvival, tailHazard } = model;
  if (hours > tailStart) return tailSurvival * Math.exp(-tailHazard * (hours - tailStart));
  let low = 0;
  let high = times.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (times[mid]! <= hours) low = mid + 1;
    else high = mid;
  }
  return low === 0 ? 1 : survival[low - 1]!;
}

/**
 * A delay drawn by inversion given it exceeds `above` hours: `u` (uniform in (0, 1)) x P(delay >
 * above) is the survival level, the delay the first signed time at or below it, or past the
 * tail's start where the exponential reaches it; Infinity when the tail's hazard is 0 and the
 * level below its survival, or nothing lasted `above` (the change outlasts every signed one).
 */
export function drawDelay(model: DelaySurvival, u: number, above = 0): number {
  const lasting = survivalAt(model, above);
  if (lasting === 0) return Number.POSITIVE_INFINITY;
  const level = u * lasting;
  const { times, survival, tailStart, tailSurvival, tailHazard } = model;
  if (level < tailSurvival) {
    return tailHazard > 0
      ? tailStart + Math.log(tailSurvival / level) / tailHazard
      : Number.POSITIVE_INFINITY;
  }
  let low = 0;
  let high = times.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (survival[mid]! <= level) high = mid;
    else low = mid + 1;
  }
  return times[low]!;
}

/** What the weeks before an origin say about sign-off delays (see {@link originDelays}). */
export interface OriginDelays {
  /** Survival of a change's delay, weeks pooled (a change already open: its week's factor unknown). */
  survival: DelaySurvival;
  /** Survival of a change's delay over its week's factor (each fitted delay divided by its week's). */
  within: DelaySurvival;
  /** Standard deviation of a week's log factor and the correlation of consecutive weeks' ({@link weekEffect}). */
  weekSd: number;
  weekPersistence: number;
  /** The fitted changes' delays as known at the origin, by time: {@link survival}'s data, and {@link within}'s. */
  observations: DelayObservation[];
  withinObservations: DelayObservation[];
  /** The series open at the origin: how long each has been open (hours) and its changes. */
  open: { age: number; size: number }[];
  /** Hours from their week's start at which the fitted weeks' series were authored. */
  offsets: number[];
  /** Changes in each of the fitted weeks' series (a series arrives and is signed off as one). */
  sizes: number[];
}

/**
 * Longest gap between consecutive changes of one series, in hours: one minute. Tools that send a
 * series stamp its changes seconds apart (git format-patch keeps each commit's author time, a
 * rebased series' a second apart; git am signs them within seconds); one person does not write
 * two separate changes within a minute.
 */
export const SERIES_GAP_HOURS = 1 / 60;

/** A week's changes as series: consecutive changes by authored time, each within {@link SERIES_GAP_HOURS} of the last. */
export function seriesOf(changes: readonly DemandChange[]): DemandChange[][] {
  const sorted = [...changes].sort((a, b) => a.at - b.at);
  const out: DemandChange[][] = [];
  for (const change of sorted) {
    const last = out[out.length - 1];
    const previous = last?.[last.length - 1];
    if (last && previous && change.at - previous.at <= SERIES_GAP_HOURS) last.push(change);
    else out.push([change]);
  }
  return out;
}

/**
 * The sign-off delays as known at the origin, the end of `weeks` (each holding its sign-off
 * demand's changes), series by series ({@link seriesOf}, a series' delay its first change's):
 * Kaplan-Meier survivals from the series authored in the last `fitWeeks` weeks, those not signed
 * by the origin censored at their age (what a team knows that day), pooled and over their week's
 * factor ({@link weekEffect} of the fitted weeks whose series are all signed); the series open at
 * the origin; where in the week the fitted series arrived and how many changes each held. Weeks are taken as {@link HOURS_PER_WEEK} long (a daylight saving week's hour is ignored).
 */
export function originDelays(
  weeks: readonly { changes: readonly DemandChange[] }[],
  fitWeeks: number,
): OriginDelays {
  const n = weeks.length;
  const first = Math.max(0, n - fitWeeks);
  const open: OriginDelays['open'] = [];
  const offsets: number[] = [];
  const sizes: number[] = [];
  const fitted: DelayObservation[][] = [];
  weeks.forEach(({ changes }, j) => {
    const observed: DelayObservation[] = [];
    for (const series of seriesOf(changes)) {
      const { at, hours } = series[0]!;
      const age = (n - j) * HOURS_PER_WEEK - at;
      const signed = hours < age;
      if (!signed) open.push({ age, size: series.length });
      if (j < first) continue;
      offsets.push(at);
      sizes.push(series.length);
      observed.push(signed ? { time: hours, signed } : { time: age, signed });
    }
    if (j >= first) fitted.push(observed);
  });
  const effect = weekEffect(
    fitted.map((week) => (week.every((o) => o.signed) ? week.map((o) => o.time) : null)),
  );
  const observations = fitted.flat().sort(byTime);
  const withinObservations = fitted
    .flatMap((week, i) => week.map((o) => ({ ...o, time: o.time / Math.exp(effect.logFactors[i]!) })))
    .sort(byTime);
  return {
    survival: survivalOf(observations),
    within: survivalOf(withinObservations),
    weekSd: effect.sd,
    weekPersistence: effect.persistence,
    observations,
    withinObservations,
    open,
    offsets,
    sizes,
  };
}

/** A bootstrap resample of `sorted`'s observations as counts per observation. */
const resampleCounts = (n: number, rng: Rng) => {
  const counts = new Uint32Array(n);
  for (let i = 0; i < n; i++) counts[Math.floor(rng.next() * n)]!++;
  return counts;
};

/**
 * The origin's delays with both survivals re-estimated from bootstrap resamples of their
 * observations (Efron 1981, censored data: resampling whole observations): a run drawing from
 * them carries the uncertainty of survivals estimated from few changes, their tails above all.
 */
export function resampledDelays(model: OriginDelays, rng: Rng): OriginDelays {
  const { observations, withinObservations } = model;
  return {
    ...model,
    survival: survivalOf(observations, resampleCounts(observations.length, rng)),
    within: survivalOf(withinObservations, resampleCounts(withinObservations.length, rng)),
  };
}

/**
 * Five-point Gauss-Hermite rule for the standard normal (nodes the roots of He5: 0, +-sqrt(5 -+
 * sqrt(10)); weights 8/15 and (7 +- 2 sqrt(10)) / 60): E f(Z) exact for polynomials up to degree 9.
 */
const HERMITE: readonly (readonly [number, number])[] = [
  [0, 8 / 15],
  ...[1, -1].flatMap((sign) => [
    [sign * Math.sqrt(5 - Math.sqrt(10)), (7 + 2 * Math.sqrt(10)) / 60] as const,
    [sign * Math.sqrt(5 + Math.sqrt(10)), (7 - 2 * Math.sqrt(10)) / 60] as const,
  ]),
];

/** One run's weeks from the origin: changes open at each week's end, signed in it, and the median delay of its arrivals. */
export interface DelayWeeks {
  open: number[];
  completed: number[];
  /** Nearest-rank median hours to sign-off of the week's arrivals (null: none arrived). */
  medianHours: (number | null)[];
}

/**
 * Expected changes open at the end of each week from the origin (an M/G/infinity reading: each
 * series is open until its own delay ends): those open at the origin while their delay,
 * given their age, lasts, plus each week's expected `demand` while a delay `scale[w]` times the
 * fitted one, times the week's factor, lasts from an arrival time of the fitted weeks' (averaged
 * over their offsets and, by {@link HERMITE} quadrature, over the factor).
 */
export function expectedOpen(
  model: OriginDelays,
  demand: readonly number[],
  scale: readonly number[],
): number[] {
  const { survival, within, weekSd, open: atOrigin, offsets } = model;
  const arrivals = offsets.length === 0 ? [HOURS_PER_WEEK / 2] : offsets;
  return demand.map((_, h) => {
    const end = (h + 1) * HOURS_PER_WEEK;
    let open = 0;
    for (const { age, size } of atOrigin) {
      const lasting = survivalAt(survival, age);
      open += lasting === 0 ? size : (size * survivalAt(survival, age + end)) / lasting;
    }
    for (let k = 0; k <= h; k++) {
      const s = scale[k]! > 0 ? scale[k]! : 1;
      let stay = 0;
      for (const [z, weight] of HERMITE) {
        const factor = s * Math.exp(weekSd * z);
        for (const at of arrivals)
          stay += weight * survivalAt(within, (end - k * HOURS_PER_WEEK - at) / factor);
      }
      open += (demand[k]! * stay) / arrivals.length;
    }
    return open;
  });
}

/**
 * One run of the weeks from the origin: each series open at the origin draws its delay given its
 * age; week w draws its factor (lognormal, an AR(1) over the weeks with the fitted persistence,
 * {@link weekEffect}) and its `demand[w]` changes arrive as series of fitted sizes (the last cut
 * to the count), each at a time among the fitted offsets with a delay times the factor and
 * `scale[w]`. A series' changes are counted open at a week's end until signed, signed in the week
 * its delay ends; a week's median is of its changes' delays (one beyond every signed delay is read
 * as the longest time observed).
 */
export function drawDelayWeeks(
  model: OriginDelays,
  rng: Rng,
  demand: readonly number[],
  scale: readonly number[],
): DelayWeeks {
  const { survival, within, weekSd, weekPersistence: rho, open: atOrigin, offsets, sizes } = model;
  const W = demand.length;
  const series: { arrived: number; signed: number; size: number }[] = atOrigin.map(({ age, size }) => ({
    arrived: Number.NEGATIVE_INFINITY,
    signed: drawDelay(survival, rng.next(), age) - age,
    size,
  }));
  const pick = (values: readonly number[]) => values[Math.floor(rng.next() * values.length)]!;
  const medianHours: (number | null)[] = [];
  let logFactor = 0;
  for (let w = 0; w < W; w++) {
    const delays: number[] = [];
    if (weekSd > 0) {
      const z = weekSd * normalQuantile(rng.next());
      logFactor = w === 0 ? z : rho * logFactor + Math.sqrt(1 - rho * rho) * z;
    }
    const factor = (scale[w]! > 0 ? scale[w]! : 1) * Math.exp(logFactor);
    for (let left = demand[w]!; left > 0; ) {
      const size = Math.min(left, sizes.length === 0 ? 1 : pick(sizes));
      left -= size;
      const at = offsets.length === 0 ? rng.next() * HOURS_PER_WEEK : pick(offsets);
      const delay = drawDelay(within, rng.next()) * factor;
      const arrived = w * HOURS_PER_WEEK + at;
      series.push({ arrived, signed: arrived + delay, size });
      for (let i = 0; i < size; i++) delays.push(Math.min(delay, survival.longest));
    }
    delays.sort((a, b) => a - b);
    medianHours.push(delays.length === 0 ? null : delays[Math.ceil(delays.length / 2) - 1]!);
  }
  const open = new Array<number>(W).fill(0);
  const completed = new Array<number>(W).fill(0);
  for (const { arrived, signed, size } of series) {
    for (let w = 0; w < W; w++) {
      const end = (w + 1) * HOURS_PER_WEEK;
      if (arrived < end && signed >= end) open[w]! += size;
    }
    const week = Math.floor(signed / HOURS_PER_WEEK);
    if (week >= 0 && week < W) completed[week]! += size;
  }
  return { open, completed, medianHours };
}
