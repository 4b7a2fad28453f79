import { requireAbove, requireAtLeast, requireWhole } from './guards';

/**
 * Reciprocal of Erlang B by the stable recursion 1/B(k) = 1 + (k/A) / B(k-1), from k = `from`
 * (with reciprocal `inverse`) up to `servers`. Overflow to Infinity means B = 0, as it should.
 */
export const continueInverseErlangB = (inverse: number, from: number, servers: number, traffic: number) => {
  let inv = inverse;
  const perTraffic = 1 / traffic;
  for (let k = from + 1; k <= servers; k++) inv = 1 + inv * k * perTraffic;
  return inv;
};

/** Erlang C from Erlang B: C = N B / (N - A (1 - B)); 1 when N <= A. */
export const erlangCFromB = (servers: number, traffic: number, blocking: number): number =>
  servers <= traffic ? 1 : (servers * blocking) / (servers - traffic * (1 - blocking));

/** At traffic 0 the recursion runs to Infinity, so blocking is 0, and 1 with no servers (no step taken). */
const blockingUnchecked = (servers: number, traffic: number): number =>
  1 / continueInverseErlangB(1, 0, servers, traffic);

/**
 * Erlang B blocking probability for `servers` (whole number) and offered `traffic` in Erlangs.
 * @example erlangB(14, 10) // ≈ 0.0568
 */
export const erlangB = (servers: number, traffic: number): number => {
  requireWhole('erlangB', 'servers', servers);
  requireAtLeast('erlangB', 'traffic', traffic, 0);
  return blockingUnchecked(servers, traffic);
};

/** Erlang C probability that an arrival waits; 1 when servers <= traffic. Stable to 10,000+ servers. */
export const erlangC = (servers: number, traffic: number): number => {
  requireWhole('erlangC', 'servers', servers);
  requireAtLeast('erlangC', 'traffic', traffic, 0);
  return erlangCFromB(servers, traffic, blockingUnchecked(servers, traffic));
};

/** Service level from a known waiting probability: 1 - C exp(-(N - A) t / h); 0 when N <= A. */
export const serviceLevelFromC = (o: {
  servers: number;
  traffic: number;
  serviceTime: number;
  targetTime: number;
  waitProbability: number;
}): number =>
  o.servers <= o.traffic
    ? 0
    : 1 - o.waitProbability * Math.exp((-(o.servers - o.traffic) * o.targetTime) / o.serviceTime);

const checkQueue = (fn: string, o: { servers: number; traffic: number; serviceTime: number }) => {
  requireWhole(fn, 'servers', o.servers);
  requireAtLeast(fn, 'traffic', o.traffic, 0);
  requireAbove(fn, 'serviceTime', o.serviceTime, 0);
};

/**
 * Share (0-1) of arrivals that wait no longer than `targetTime` (same time unit as
 * `serviceTime`, the mean service time). 0 when servers <= traffic.
 */
export const serviceLevel = (o: {
  servers: number;
  traffic: number;
  serviceTime: number;
  targetTime: number;
}): number => {
  checkQueue('serviceLevel', o);
  requireAtLeast('serviceLevel', 'targetTime', o.targetTime, 0);
  return serviceLevelFromC({ ...o, waitProbability: erlangC(o.servers, o.traffic) });
};

/**
 * Mean wait in queue (unit of `serviceTime`): C h / (N - A), times the Allen-Cunneen factor
 * (ca^2 + cs^2) / 2 where `arrivalCv` / `serviceCv` are the coefficients of variation (missing = 1).
 * Infinity when servers <= traffic.
 */
export const meanWait = (o: {
  servers: number;
  traffic: number;
  serviceTime: number;
  arrivalCv?: number;
  serviceCv?: number;
}): number => {
  checkQueue('meanWait', o);
  const ca = requireAtLeast('meanWait', 'arrivalCv', o.arrivalCv ?? 1, 0);
  const cs = requireAtLeast('meanWait', 'serviceCv', o.serviceCv ?? 1, 0);
  if (o.servers <= o.traffic) return Number.POSITIVE_INFINITY;
  const c = erlangC(o.servers, o.traffic);
  return ((c * o.serviceTime) / (o.servers - o.traffic)) * ((ca * ca + cs * cs) / 2);
};
