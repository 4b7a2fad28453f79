import { type Above, excessOf, gammaAtScore, gammaTail } from './count-distribution';
import { normalQuantile } from './distributions';
import { MAX_WAIT_HOURS } from './metrics';
import { normalUpperTail } from './normal-tail';
import { conditionalExcessCv2, type QueueAnchor } from './queue-closure';

/** Waits of the changes arriving in a week, in working hours. */
export interface WaitFigures {
  mean: number;
  p90: number;
  /** Share (0-1) of arriving changes that start review within the target wait. */
  serviceLevel: number;
}

/** Shape below which a conditional wait is not taken to be more dispersed (four times an exponential's variance). */
const MIN_SHAPE = 0.25;
/** Shape of a wait known exactly (a deterministic fluid backlog). */
const MAX_SHAPE = 400;

/**
 * Shape of a waiting change's wait, and of the queue above n given it is not empty: 1
 * (exponential, as in M/M/n) at equilibrium, larger as the queue above n narrows relative to it.
 */
export const excessShape = (a: QueueAnchor, above: Above, n: number): number => {
  const cv2 = conditionalExcessCv2(above, n);
  return cv2 > 0 ? Math.min(MAX_SHAPE, Math.max(MIN_SHAPE, a.excessCv2 / cv2)) : MAX_SHAPE;
};

/**
 * A draw at normal score z of a count or wait that is 0 with probability 1 - `share` and
 * otherwise gamma(`shape`) with mean `mean` / `share` (so its mean is `mean`).
 */
export const zeroInflatedAt = (mean: number, share: number, shape: number, z: number): number => {
  if (!(share > 0) || !(mean > 0)) return 0;
  const u = normalUpperTail(-z);
  const empty = 1 - share;
  return u <= empty ? 0 : gammaAtScore(mean / share, shape, normalQuantile((u - empty) / share));
};

/**
 * Waits of the changes arriving over a stretch in which the changes in the system have, on
 * average over time, the mean `q.mean` and the moments `above` the n = `servers` reviewers, who complete `capacity`
 * changes a week, first come, first served. Mean: a change that finds N > n waits for the
 * N - n changes ahead of it plus the anchor's wait shift in departures, each workHours /
 * capacity hours (exactly Erlang C with the Allen-Cunneen factor at equilibrium, by Little's
 * law). Distribution: it waits with probability P(N > n) x wait scale (Erlang C at
 * equilibrium); given that, its wait is gamma with that mean and a shape that is 1
 * (exponential, as in M/M/n) at equilibrium and grows as the queue above n narrows relative to
 * it (a fluid backlog in overload waits close to its mean). Capped at {@link MAX_WAIT_HOURS}.
 */
export const waitFigures = (
  above: Above,
  q: { mean: number; servers: number; capacity: number },
  a: QueueAnchor,
  hours: { work: number; target: number },
  out: WaitFigures,
): void => {
  const { servers: n, capacity } = q;
  const share = above.share;
  if (!(capacity > 0)) {
    const waits = share > 0 || q.mean > 0;
    out.mean = waits ? MAX_WAIT_HOURS : 0;
    out.p90 = out.mean;
    out.serviceLevel = waits ? 0 : 1;
    return;
  }
  const perDeparture = hours.work / capacity;
  const average = (excessOf(above, n) + a.waitShift * share) * perDeparture;
  const waiting = Math.min(1, share * a.waitScale);
  out.mean = Math.min(MAX_WAIT_HOURS, average);
  if (!(waiting > 0) || !(average > 0)) {
    out.p90 = 0;
    out.serviceLevel = 1;
    return;
  }
  const conditional = average / waiting;
  const shape = excessShape(a, above, n);
  out.p90 =
    waiting > 0.1
      ? Math.min(MAX_WAIT_HOURS, gammaAtScore(conditional, shape, normalQuantile(1 - 0.1 / waiting)))
      : 0;
  out.serviceLevel = 1 - waiting + waiting * (1 - gammaTail(shape, conditional / shape, hours.target));
};
