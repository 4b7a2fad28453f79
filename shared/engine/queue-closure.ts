import type { ClosureScratch } from './closure-scratch';
import {
  type Above,
  countDistribution,
  excessOf,
  excessSquareOf,
  momentsAbove,
  newAbove,
} from './count-distribution';
import { continueInverseErlangB, erlangCFromB } from './erlang';
import type { QueueMoments } from './queue-moments';
import { relaxedShare } from './relaxation';

/**
 * The sign-off queue of one team as a moment closure of the M/M/n birth-death process
 * (Rothkopf and Oren 1979, "A closure approximation for the nonstationary M/M/s queue",
 * Management Science 25(6)). N, the changes in the system (waiting or in review), has mean m
 * and variance V, carried week to week. With n reviewers completing mu changes a week when all
 * are busy and Poisson arrivals at lambda a week, the exact moment equations are
 *   dm/dt = lambda - d,                      d = (mu / n) E[min(N, n)]
 *   dV/dt = noise - 2 Cov(N, departure rate), noise = k (lambda + d cs^2)
 * and N is taken as gamma-distributed to evaluate the expectations (right-skewed like a real
 * queue near saturation, and close to normal in overload, where a normal closure's variance
 * collapses too early on recovery and a log-normal's tail drains too late; checked against a
 * simulation of individual changes in test/shared/queue-oracle.test.ts). One mechanism covers
 * steady load, saturation, overload (all reviewers busy: m grows at lambda - mu, V by
 * diffusion) and recovery. The closure alone misplaces the equilibrium, so the noise factor k
 * is anchored: the equilibrium is exactly the Erlang C queue with the Allen-Cunneen factor
 * (ca^2 + cs^2) / 2 (calibration.md, queueing formulas) at the week's own load; with no
 * equilibrium (overload) k is 1, plain diffusion. Time unit: weeks.
 */
export interface QueueRates {
  /** Expected arrivals per week. */
  arrivals: number;
  /** Changes completed per week with every reviewer busy (after incidents, with the week's overtime). */
  capacity: number;
  /** Whole reviewers, at least 1. */
  servers: number;
  /** Squared coefficient of variation of review times. */
  serviceCv2: number;
  /**
   * Rate (per week) the week's overtime narrows the queue's spread at when it follows the queue
   * at once: a run whose queue was longer at the week's start works more overtime all week
   * (2 Cov(N, overtime departures) / V). Set by the week's overtime rule.
   */
  overtimeNarrowing: number;
  /**
   * The part of {@link overtimeNarrowing} that acts over the week: overtime is set at the week's
   * start, so it narrows the queue as far as the queue still matches its start. Set by queueWeek.
   */
  overtimeDecay: number;
}

/**
 * The anchor without an equilibrium (overload): plain diffusion noise, a waiting change waits
 * for everyone ahead plus the Allen-Cunneen factor in departures, as at saturation.
 */
export const overloadedAnchor = (serviceCv2: number, out: QueueAnchor): void => {
  out.noise = 1;
  out.waitShift = (1 + serviceCv2) / 2;
  out.waitScale = 1;
  out.excessCv2 = 1;
  out.mean = Number.NaN;
  out.variance = Number.NaN;
};

/** The part of the rates that fixes the anchor. */
export type QueueLoad = Pick<QueueRates, 'arrivals' | 'capacity' | 'servers' | 'serviceCv2'>;

/** What the week's load fixes: the anchored noise and the stationary wait shape (see queue-waits). */
export interface QueueAnchor {
  noise: number;
  /** Departures an arriving change waits for beyond those ahead of it: v C / P(N > n) at equilibrium. */
  waitShift: number;
  /** Erlang C over the closure's P(N > n) at equilibrium, so the waiting probability is Erlang C's. */
  waitScale: number;
  /** Squared coefficient of variation of N - n given N > n at equilibrium, where real waits are exponential. */
  excessCv2: number;
  /** The equilibrium (NaN when overloaded). */
  mean: number;
  variance: number;
}

export const newAnchor = (): QueueAnchor => ({
  noise: 1,
  waitShift: 1,
  waitScale: 1,
  excessCv2: 1,
  mean: Number.NaN,
  variance: Number.NaN,
});

/** Cov(N, min(N, n)) from the moments of N above n: V - E[N^2; N > n] + n E[N; N > n] + m E[(N - n)+]. */
const covarianceWithBusy = (mean: number, variance: number, n: number, a: Above): number =>
  variance - a.second + n * a.first + mean * excessOf(a, n);

/** Squared coefficient of variation of N - n given N > n (0 when nothing is above n). */
export const conditionalExcessCv2 = (a: Above, n: number): number => {
  const excess = excessOf(a, n);
  return a.share > 0 && excess > 0 ? (excessSquareOf(a, n) * a.share) / (excess * excess) - 1 : 0;
};

/** E[(N - n)+] of the closure's N with `mean` and `variance`. */
const excessAt = (mean: number, variance: number, n: number, c: ClosureScratch): number => {
  countDistribution(mean, variance, c.n);
  momentsAbove(c.n, n, c.above);
  return excessOf(c.above, n);
};

/**
 * Anchors the closure to the stationary queue of `r`: mean m* = n rho + Lq with
 * Lq = v C rho / (1 - rho), the variance with E[(N - n)+] = Lq (bisection on log V: the excess
 * of a convex function grows with the spread at a fixed mean), and the noise that makes
 * (m*, V*) the equilibrium of the moment equations.
 */
export const anchorQueue = (r: QueueLoad, c: ClosureScratch, out: QueueAnchor): void => {
  const { arrivals: lambda, capacity: mu, servers: n, serviceCv2 } = r;
  overloadedAnchor(serviceCv2, out);
  if (!(mu > 0) || !(lambda > 0) || lambda >= mu) return;
  const rho = lambda / mu;
  const traffic = n * rho;
  const erlang = erlangCFromB(n, traffic, 1 / continueInverseErlangB(1, 0, n, traffic));
  const v = (1 + serviceCv2) / 2;
  const queue = (v * erlang * rho) / (1 - rho);
  const mean = traffic + queue;
  let variance = mean;
  if (queue > 0) {
    let low = Math.log(1e-12 * (1 + mean));
    let high = Math.log(Math.max(mean, 1));
    while (excessAt(mean, Math.exp(high), n, c) < queue) high += 2;
    for (let i = 0; i < 50; i++) {
      const mid = (low + high) / 2;
      if (excessAt(mean, Math.exp(mid), n, c) < queue) low = mid;
      else high = mid;
    }
    variance = Math.exp((low + high) / 2);
  }
  countDistribution(mean, variance, c.n);
  momentsAbove(c.n, n, c.above);
  out.mean = mean;
  out.variance = variance;
  out.noise = (2 * (mu / n) * covarianceWithBusy(mean, variance, n, c.above)) / (lambda * (1 + serviceCv2));
  const share = c.above.share;
  out.waitShift = share > 0 ? (v * erlang) / share : 1;
  out.waitScale = share > 0 ? erlang / share : 1;
  out.excessCv2 = conditionalExcessCv2(c.above, n) || 1;
};

/** The closure at one state: the moments of N above the reviewers and the moment equations' rates. */
export interface QueueEvaluation extends QueueMoments {
  above: Above;
  /** dm/dt, and the rates of the affine forms y' = a - b y: b of the mean, a and b of the variance. */
  drift: number;
  meanRate: number;
  noise: number;
  decay: number;
}

export const newEvaluation = (): QueueEvaluation => ({
  mean: 0,
  variance: 0,
  above: newAbove(),
  drift: 0,
  meanRate: 0,
  noise: 0,
  decay: 0,
});

/**
 * Evaluates the closure at (`mean`, `variance`) into `e`; with `known`, `e.above` already holds
 * the moments of that state above the reviewers (carried from the week before).
 */
export const evaluateQueue = (
  r: QueueRates,
  a: QueueAnchor,
  mean: number,
  variance: number,
  known: boolean,
  c: ClosureScratch,
  e: QueueEvaluation,
): void => {
  const { arrivals: lambda, capacity: mu, servers: n } = r;
  const perServer = mu / n;
  const at = e.above;
  e.mean = mean;
  e.variance = variance;
  if (!known) {
    countDistribution(mean, variance, c.n);
    momentsAbove(c.n, n, at);
  }
  const throughput = perServer * (mean - excessOf(at, n));
  e.drift = lambda - throughput;
  e.meanRate = perServer * (1 - at.share);
  e.noise = a.noise * (lambda + throughput * r.serviceCv2);
  const covariance = perServer * covarianceWithBusy(mean, variance, n, at);
  e.decay = (variance > 0 ? (2 * Math.max(0, covariance)) / variance : 0) + r.overtimeDecay;
};

/** y' = a - b y over dt from y: y e^(-b dt) + a dt (1 - e^(-b dt)) / (b dt). */
const affineStep = (y: number, a: number, b: number, dt: number): number => {
  const x = b * dt;
  const decayed = Math.exp(-x);
  return Math.max(0, y * decayed + a * dt * relaxedShare(x, decayed));
};

/**
 * The second stage of a step of `dt` weeks from `from` into `out`: each equation written as
 * y' = a - b y with a and b averaged over the step's start and the evaluated `end`, solved
 * exactly (for the mean, b is d(throughput)/dm and a makes the drift exact at each state).
 */
const correct = (from: QueueEvaluation, end: QueueEvaluation, dt: number, out: QueueMoments): void => {
  const b = (from.meanRate + end.meanRate) / 2;
  const inflow = (from.drift + from.meanRate * from.mean + end.drift + end.meanRate * end.mean) / 2;
  out.mean = affineStep(from.mean, inflow, b, dt);
  out.variance = affineStep(from.variance, (from.noise + end.noise) / 2, (from.decay + end.decay) / 2, dt);
};

/**
 * Advances the closure from the evaluated state `from` by `dt` weeks at constant rates into
 * `to` (its mean and variance) and returns an error estimate; `predicted` is scratch. A
 * predictor step from the start's affine forms, then the second stage ({@link correct}) with
 * the predicted end: second order, exact for linear equations, stable at any step. The
 * estimate is the gap between predictor and corrector relative to 1 + the value, the larger of
 * mean and variance.
 */
export const advanceQueue = (
  r: QueueRates,
  a: QueueAnchor,
  from: QueueEvaluation,
  to: QueueMoments,
  dt: number,
  c: ClosureScratch,
  predicted: QueueEvaluation,
): number => {
  const { mean, variance, meanRate, noise, decay } = from;
  const predictedMean = affineStep(mean, from.drift + meanRate * mean, meanRate, dt);
  const predictedVariance = affineStep(variance, noise, decay, dt);
  evaluateQueue(r, a, predictedMean, predictedVariance, false, c, predicted);
  correct(from, predicted, dt, to);
  return Math.max(
    Math.abs(to.mean - predictedMean) / (1 + to.mean),
    Math.abs(to.variance - predictedVariance) / (1 + to.variance),
  );
};
