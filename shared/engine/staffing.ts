import { continueInverseErlangB, erlangCFromB, serviceLevelFromC } from './erlang';
import { requireAbove, requireAtLeast, requireBetween } from './guards';

/** Result of {@link requiredServers}. */
export interface Staffing {
  /** Fewest whole servers that meet the service level and the occupancy cap. */
  servers: number;
  /** Positions to hire so `servers` are present after shrinkage: ceil(servers / (1 - shrinkage)). */
  positions: number;
  /** Service level achieved with `servers` (0-1). */
  serviceLevel: number;
  /** Occupancy traffic / servers (0-1). */
  occupancy: number;
  /** Erlang C probability of waiting with `servers`. */
  waitProbability: number;
}

/** ceil(servers / (1 - shrinkage)), with the quotient rounded to 9 significant digits first so 21 / 0.7 is 30. */
export const positionsFor = (servers: number, shrinkage: number): number =>
  Math.ceil(Number((servers / (1 - shrinkage)).toPrecision(9)));

/**
 * Fewest whole servers above `traffic` (Erlangs) such that the share of arrivals waiting at most
 * `targetTime` reaches `serviceLevel` and occupancy stays within `maxOccupancy` (default 1).
 * Time units are the caller's (`serviceTime` and `targetTime` alike). Continues the Erlang B
 * recursion from one candidate to the next, so 10,000 Erlangs costs one pass.
 * @example requiredServers({ traffic: 10, serviceTime: 3, targetTime: 0.33, serviceLevel: 0.8, maxOccupancy: 0.85 }).servers // 14
 */
export const requiredServers = (o: {
  traffic: number;
  serviceTime: number;
  targetTime: number;
  serviceLevel: number;
  maxOccupancy?: number;
  shrinkage?: number;
}): Staffing => {
  const fn = 'requiredServers';
  const traffic = requireAtLeast(fn, 'traffic', o.traffic, 0);
  const serviceTime = requireAbove(fn, 'serviceTime', o.serviceTime, 0);
  const targetTime = requireAtLeast(fn, 'targetTime', o.targetTime, 0);
  const target = requireBetween(fn, 'serviceLevel', o.serviceLevel, 0, 1);
  const maxOccupancy = requireBetween(fn, 'maxOccupancy', o.maxOccupancy ?? 1, Number.MIN_VALUE, 1);
  const shrinkage = requireBetween(fn, 'shrinkage', o.shrinkage ?? 0, 0, 0.99);
  let servers = Math.floor(traffic) + 1;
  // At traffic 0 the recursion gives 1 + 1 x 1 x (1 / 0) = Infinity: no blocking, and one server is enough.
  let inverse = continueInverseErlangB(1, 0, servers, traffic);
  for (;;) {
    const waitProbability = erlangCFromB(servers, traffic, 1 / inverse);
    const level = serviceLevelFromC({ servers, traffic, serviceTime, targetTime, waitProbability });
    const occupancy = traffic / servers;
    if (level >= target && occupancy <= maxOccupancy) {
      return {
        servers,
        positions: positionsFor(servers, shrinkage),
        serviceLevel: level,
        occupancy,
        waitProbability,
      };
    }
    servers += 1;
    inverse = continueInverseErlangB(inverse, servers - 1, servers, traffic);
  }
};
