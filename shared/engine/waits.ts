import { continueInverseErlangB, erlangCFromB } from './erlang';
import { MAX_WAIT_HOURS } from './metrics';

/** One team-week's queue state, as the wait estimate needs it. */
export interface WeekQueue {
  /** Sign-off reviewers present (rounded to whole servers, at least 1). */
  reviewers: number;
  /** Changes arriving this week, and hours of review they need. */
  arrivals: number;
  arrivalHours: number;
  /** Review hours available this week. */
  capacityHours: number;
  /** Mean review hours of one change. */
  serviceHours: number;
  backlogStart: number;
  backlogEnd: number;
  completed: number;
  workHours: number;
  targetHours: number;
  /** Allen-Cunneen factor (ca^2 + cs^2) / 2. */
  variability: number;
}

/** A zeroed queue record to reuse week after week. */
export const newWeekQueue = (targetHours: number): WeekQueue => ({
  reviewers: 0,
  arrivals: 0,
  arrivalHours: 0,
  capacityHours: 0,
  serviceHours: 0,
  backlogStart: 0,
  backlogEnd: 0,
  completed: 0,
  workHours: 0,
  targetHours,
  variability: 1,
});

/** Wait estimate for one team-week, all in working hours. */
export interface WeekWaits {
  mean: number;
  p90: number;
  serviceLevel: number;
}

// Module-level aliases so the per-week call does not go through module bindings.
const inverseErlangB = continueInverseErlangB;
const erlangC = erlangCFromB;
const MAX_WAIT = MAX_WAIT_HOURS;

/** Load at which the random-queue part stops growing; beyond it the backlog term takes over. */
export const SATURATION = 0.95;

const set = (out: WeekWaits, mean: number, p90: number, serviceLevel: number): void => {
  out.mean = Math.min(MAX_WAIT, mean);
  out.p90 = Math.min(MAX_WAIT, p90);
  out.serviceLevel = Math.max(0, serviceLevel);
};

/**
 * Each reviewer is a server who reviews a fraction f = capacity / (reviewers x work hours) of the
 * time, so one change occupies a server for serviceHours / f working hours. Carried backlog adds
 * a wait by Little's law (backlog / completion rate), spread linearly across the week's
 * arrivals; Erlang C with the Allen-Cunneen factor adds the random queueing wait, with the load
 * capped at {@link SATURATION} so an overloaded week waits at least as long as a nearly full one. Results, capped at {@link MAX_WAIT_HOURS}, go to `out` (reused, no allocation).
 */
export const weekWaits = (q: WeekQueue, out: WeekWaits): void => {
  if (q.arrivals <= 0 && q.backlogStart <= 0) {
    set(out, 0, 0, 1);
    return;
  }
  if (q.completed <= 0 || q.capacityHours <= 0) {
    set(out, MAX_WAIT, MAX_WAIT, 0);
    return;
  }
  const perHour = q.completed / q.workHours;
  const waitStart = q.backlogStart / perHour;
  const waitEnd = q.backlogEnd / perHour;
  const low = Math.min(waitStart, waitEnd);
  const high = Math.max(waitStart, waitEnd);
  let mean = (low + high) / 2;
  let p90 = low + 0.9 * (high - low);
  let withinTarget =
    high <= q.targetHours ? 1 : low > q.targetHours ? 0 : (q.targetHours - low) / (high - low);
  const rho = Math.min(SATURATION, q.arrivalHours / q.capacityHours);
  if (q.arrivals > 0) {
    const servers = Math.max(1, Math.round(q.reviewers));
    const traffic = servers * rho;
    const serviceTime = (q.serviceHours * servers * q.workHours) / q.capacityHours;
    const c = erlangC(servers, traffic, 1 / inverseErlangB(1, 0, servers, traffic));
    const scale = (serviceTime * q.variability) / (servers - traffic);
    mean += c * scale;
    p90 += c > 0.1 ? scale * Math.log(c / 0.1) : 0;
    withinTarget *= 1 - c * Math.exp(-q.targetHours / scale);
  }
  set(out, mean, p90, withinTarget);
};
