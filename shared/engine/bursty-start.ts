import type { ModelParams } from './model-params';
import type { QueueRates } from './queue-closure';
import type { OvertimeRule } from './queue-overtime';
import { START_LOAD_CAP } from './start-queue';
import type { TeamRuns } from './team-state';
import { burstyWeekQueue, newWeekDemand, newWeekQueue, type WeekDemand } from './week-queue';

/** Most accelerated rounds {@link settleBursts} takes (one expected bursty week each). */
const MAX_ROUNDS = 40;
/** The start is settled when a week moves the queue's mean and deviation by at most this share. */
const PRECISION = 1e-3;

const capped = newWeekDemand();
const scratch = newWeekQueue();

/**
 * Settles run r's starting queue (the stationary queue of Poisson weeks, {@link startQueue})
 * to the queue a team with bursty weeks (`p.arrivalDispersion` above 0) keeps at week 0's rates,
 * the load capped at {@link START_LOAD_CAP} as for any start. Bursty weeks keep a longer queue than
 * Poisson weeks of the same mean, and a queue near saturation takes 50 to 100 weeks to get there,
 * so without this a steady bursty team's forecast would show its queue growing all horizon long
 * (5 reviewers at 80%, k = 0.3: 5.0 changes waiting in week 0, 13.3 from week 40 on).
 * The fixed point of the expected bursty week ({@link burstyWeekQueue}) on the queue's mean and
 * standard deviation is found by Anderson acceleration of depth 1 (Walker and Ni 2011, "Anderson
 * acceleration for fixed-point iterations", SIAM J. Numer. Anal. 49(4)): each round mixes the
 * last two weeks' results by the weight that best cancels their residuals, until a week moves the
 * mean and the deviation by at most {@link PRECISION} of them (5 to 25 rounds in the cases of
 * test/shared/bursty-start.test.ts). `rates` (regular capacity) and `rule` are left as found.
 */
export const settleBursts = (
  s: TeamRuns,
  r: number,
  rates: QueueRates,
  rule: OvertimeRule,
  p: ModelParams,
  d: WeekDemand,
): void => {
  const regular = rates.capacity;
  const arrivals = rates.arrivals;
  const offset = rule.offset;
  Object.assign(capped, d);
  capped.signoff = Math.min(d.signoff, START_LOAD_CAP * regular);
  const week = () => {
    rates.capacity = regular;
    burstyWeekQueue(s, r, rates, rule, p, capped, scratch);
  };
  // Anderson acceleration of depth 1 on x = (mean, standard deviation), both in changes: each
  // round's x and week(x), g; its residual f = g - x; the round before's f and g kept.
  let mean = s.inSystem[r]!;
  let sd = Math.sqrt(s.inSystemVariance[r]!);
  let fMean = 0;
  let fSd = 0;
  let gMean = mean;
  let gSd = sd;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    week();
    const nextMean = s.inSystem[r]!;
    const nextSd = Math.sqrt(s.inSystemVariance[r]!);
    const fm = nextMean - mean;
    const fs = nextSd - sd;
    const dm = fm - fMean;
    const ds = fs - fSd;
    const norm = dm * dm + ds * ds;
    const mix = round > 0 && norm > 0 ? (fm * dm + fs * ds) / norm : 0;
    mean = Math.max(0, nextMean - mix * (nextMean - gMean));
    sd = Math.max(0, nextSd - mix * (nextSd - gSd));
    s.inSystem[r] = mean;
    s.inSystemVariance[r] = sd * sd;
    s.aboveServers[r] = 0;
    fMean = fm;
    fSd = fs;
    gMean = nextMean;
    gSd = nextSd;
    if (Math.abs(fm) <= PRECISION * Math.max(1, mean) && Math.abs(fs) <= PRECISION * Math.max(1, sd)) break;
  }
  rates.capacity = regular;
  rates.arrivals = arrivals;
  rule.offset = offset;
};
