import type { OracleRandom } from './random';

/**
 * A discrete-event simulation of individual changes, written from queueing first principles as a
 * test oracle for the engine's queue (not shipped). Time runs in working hours, `workHours` a week.
 * Changes arrive as a Poisson process at the week's rate and carry a gamma-distributed amount of
 * review work (review hours, mean `serviceHours`, coefficient of variation `serviceCv`). `servers`
 * reviewers take changes first come, first served; each works through review hours at
 * `capacityHours / (servers x workHours)` per working hour, so together they supply the week's
 * capacity. A reviewer removed at a week boundary finishes the change in hand first. The queue
 * carries over from week to week. Waits count in the week the change arrived; the last week's
 * conditions run on for `DRAIN_WEEKS` so late arrivals start review.
 */
export interface OracleWeek {
  /** Expected changes arriving this week. */
  arrivals: number;
  /** Whole reviewers. */
  servers: number;
  /** Review hours the reviewers supply this week (before any overtime rule). */
  capacityHours: number;
  /** Mean review hours of one change. */
  serviceHours: number;
}

export interface OracleScenario {
  weeks: OracleWeek[];
  serviceCv: number;
  workHours: number;
  /** Target wait for the service level, working hours. */
  targetHours: number;
  /** Weeks of week 0's conditions simulated and discarded first (0: start empty). */
  warmupWeeks: number;
  /** Review hours of the week given the changes waiting (not in review) at its start. */
  capacity?: (waiting: number, week: OracleWeek) => number;
  /**
   * Burstiness of arrivals, warm-up included: each week's rate is its expected arrivals times a
   * gamma multiplier of mean 1 and this variance, drawn once for the week (0 or absent: Poisson weeks).
   */
  arrivalDispersion?: number;
}

/** One replication's figures for one week. */
export interface OracleWeekFigures {
  /** Changes waiting, not yet started, at the week's end. */
  backlog: number;
  /** Changes that arrived this week and started review, the sum of their waits and how many waited at most the target. */
  starts: number;
  waitSum: number;
  withinTarget: number;
}

interface Server {
  /** Place in the order reviewers were added: of two finishing at the same time, the earlier added is next. */
  order: number;
  active: boolean;
  busy: boolean;
  /** Review hours left of the change in hand, counted from time `since`. */
  remaining: number;
  since: number;
  doneAt: number;
}

/** Whether `a` finishes before `b`: earlier `doneAt`, then earlier added. */
const before = (a: Server, b: Server) => a.doneAt < b.doneAt || (a.doneAt === b.doneAt && a.order < b.order);

/**
 * The busy reviewers as a binary min-heap by {@link before}: the next to finish is `heap[0]`
 * without a scan of every reviewer at every event.
 */
class FinishOrder {
  readonly heap: Server[] = [];

  push(s: Server): void {
    const h = this.heap;
    let i = h.push(s) - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(s, h[parent]!)) break;
      h[i] = h[parent]!;
      i = parent;
    }
    h[i] = s;
  }

  /** Removes the next to finish. */
  pop(): void {
    const h = this.heap;
    const last = h.pop()!;
    if (h.length > 0) this.sink(last, 0);
  }

  /** Orders the heap again after every busy reviewer's `doneAt` changed. */
  reorder(): void {
    const h = this.heap;
    for (let i = (h.length >> 1) - 1; i >= 0; i--) this.sink(h[i]!, i);
  }

  private sink(s: Server, from: number): void {
    const h = this.heap;
    let i = from;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= h.length) break;
      if (child + 1 < h.length && before(h[child + 1]!, h[child]!)) child += 1;
      if (!before(h[child]!, s)) break;
      h[i] = h[child]!;
      i = child;
    }
    h[i] = s;
  }
}

/** Weeks simulated after the last so that changes arriving late still start review. */
const DRAIN_WEEKS = 26;

/**
 * One replication, week by week; `onWait(week, wait)` sees every change's wait by the week it
 * arrived. Returns the figures of each week after the warm-up.
 */
export const simulateQueue = (
  scenario: OracleScenario,
  random: OracleRandom,
  onWait?: (week: number, wait: number) => void,
): OracleWeekFigures[] => {
  const { serviceCv, workHours, targetHours, warmupWeeks } = scenario;
  const recordedWeeks = scenario.weeks.length;
  const last = scenario.weeks[recordedWeeks - 1]!;
  const weeks = [
    ...Array.from({ length: warmupWeeks }, () => scenario.weeks[0]!),
    ...scenario.weeks,
    ...Array.from({ length: DRAIN_WEEKS }, () => last),
  ];
  const servers: Server[] = [];
  const finishing = new FinishOrder();
  /** Active reviewers without a change in hand. */
  let idle = 0;
  const queueArrival: number[] = [];
  const queueWork: number[] = [];
  let head = 0;
  let rate = 0;
  const figures: OracleWeekFigures[] = scenario.weeks.map(() => ({
    backlog: 0,
    starts: 0,
    waitSum: 0,
    withinTarget: 0,
  }));
  weeks.forEach((week, index) => {
    const start = index * workHours;
    const end = start + workHours;
    const recorded = index - warmupWeeks;
    const waiting = queueArrival.length - head;
    const dispersion = scenario.arrivalDispersion ?? 0;
    const burst = dispersion > 0 ? random.gamma(1, Math.sqrt(dispersion)) : 1;
    const arrivals = week.arrivals * burst;
    const capacityHours = scenario.capacity
      ? scenario.capacity(waiting, { ...week, arrivals })
      : week.capacityHours;
    const nextRate = week.servers > 0 ? capacityHours / (week.servers * workHours) : 0;
    for (const s of servers) {
      if (!s.busy) continue;
      s.remaining -= (start - s.since) * rate;
      s.since = start;
      s.doneAt = nextRate > 0 ? start + s.remaining / nextRate : Infinity;
    }
    finishing.reorder();
    rate = nextRate;
    let active = servers.filter((s) => s.active).length;
    for (const s of servers) {
      if (active <= week.servers) break;
      if (s.active && !s.busy) {
        s.active = false;
        active -= 1;
      }
    }
    for (const s of servers) {
      if (active <= week.servers) break;
      if (s.active) {
        s.active = false;
        active -= 1;
      }
    }
    for (const s of servers) {
      if (active >= week.servers) break;
      if (!s.active) {
        s.active = true;
        active += 1;
      }
    }
    while (active < week.servers) {
      servers.push({
        order: servers.length,
        active: true,
        busy: false,
        remaining: 0,
        since: start,
        doneAt: Infinity,
      });
      active += 1;
    }
    idle = 0;
    for (const s of servers) if (s.active && !s.busy) idle += 1;
    const begin = (s: Server, at: number, arrived: number, work: number) => {
      s.busy = true;
      s.remaining = work;
      s.since = at;
      s.doneAt = rate > 0 ? at + work / rate : Infinity;
      idle -= 1;
      finishing.push(s);
      const arrivalWeek = Math.floor(arrived / workHours) - warmupWeeks;
      const tally = figures[arrivalWeek];
      if (tally) {
        const wait = at - arrived;
        tally.starts += 1;
        tally.waitSum += wait;
        if (wait <= targetHours) tally.withinTarget += 1;
        onWait?.(arrivalWeek, wait);
      }
    };
    const takeFromQueue = (s: Server, at: number) => {
      if (head < queueArrival.length) {
        begin(s, at, queueArrival[head]!, queueWork[head]!);
        head += 1;
        if (head > 4096 && head * 2 > queueArrival.length) {
          queueArrival.splice(0, head);
          queueWork.splice(0, head);
          head = 0;
        }
      }
    };
    for (const s of servers) if (s.active && !s.busy) takeFromQueue(s, start);
    const arrivalRate = arrivals / workHours;
    let nextArrival = arrivalRate > 0 ? start + random.exponential(arrivalRate) : Infinity;
    for (;;) {
      const next = finishing.heap[0] ?? null;
      const doneAt = next === null ? Infinity : next.doneAt;
      if (nextArrival >= end && doneAt >= end) break;
      if (nextArrival <= doneAt) {
        const work = random.gamma(week.serviceHours, serviceCv);
        const free = idle > 0 ? servers.find((s) => s.active && !s.busy) : undefined;
        if (free) begin(free, nextArrival, nextArrival, work);
        else {
          queueArrival.push(nextArrival);
          queueWork.push(work);
        }
        nextArrival += random.exponential(arrivalRate);
      } else if (next !== null) {
        finishing.pop();
        next.busy = false;
        next.doneAt = Infinity;
        if (next.active) {
          idle += 1;
          takeFromQueue(next, doneAt);
        }
      }
    }
    const current = figures[recorded];
    if (current) {
      current.backlog = queueArrival.length - head;
    }
  });
  return figures;
};
