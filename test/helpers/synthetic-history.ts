import type { PlacedChange } from '../../server/history/weekly';
import { gamma, Rng } from '../../shared/index';

/** A team whose history is generated change by change from known rates. */
export interface SyntheticTeam {
  weeks: number;
  /** People at the level that cannot sign off (`junior`), and at the one that can (`senior`). */
  juniors: number;
  seniors: number;
  /** Changes each person authors a week (Poisson). */
  changesPerWeek: number;
  /** Share of juniors' changes that need a senior's sign-off. */
  signoffShare: number;
  /** Mean calendar weeks a senior spends on one sign-off (exponential), one change at a time each. */
  reviewWeeks: number;
  seed: number;
  /**
   * Burstiness: each week's authoring rate is multiplied by a gamma draw of mean 1 and this
   * variance, so weekly counts are negative binomial with this dispersion (0 or left out: Poisson).
   */
  burstiness?: number;
  /** Seniors who sign off (the first ones; default all): the others author but never review. */
  reviewers?: number;
}

const weekMs = 7 * 86_400_000;
/** Monday 1 January 2024, 00:00 UTC: week 0 of every synthetic history. */
export const SYNTHETIC_START = Date.UTC(2024, 0, 1);

/**
 * The changes of a {@link SyntheticTeam} over its weeks: Poisson (or gamma-Poisson) authoring per
 * level; juniors' changes that need sign-off go first come, first served to the first reviewing
 * senior free (an M/M/n queue with n = reviewers), signed by that senior when the review ends. As in a git log read at the end, a
 * change signed after the last week is not in the history. Independent of the engine.
 */
export function syntheticChanges(team: SyntheticTeam): PlacedChange[] {
  const rng = new Rng(team.seed);
  const exponential = (mean: number) => -Math.log(1 - rng.next()) * mean;
  const end = SYNTHETIC_START + team.weeks * weekMs;
  const steady = (rate: number, from: number, to: number, times: number[]) => {
    for (let t = from + exponential(weekMs / rate); t < to; t += exponential(weekMs / rate)) times.push(t);
  };
  const arrivals = (people: number) => {
    const times: number[] = [];
    const rate = people * team.changesPerWeek;
    const b = team.burstiness ?? 0;
    if (!(b > 0)) steady(rate, SYNTHETIC_START, end, times);
    for (let from = SYNTHETIC_START; b > 0 && from < end; from += weekMs) {
      steady(rate * gamma(rng, 1 / b) * b, from, from + weekMs, times);
    }
    return times;
  };
  const change = (
    level: string,
    authoredAt: number,
    signedOffAt: number | null,
    signer = 'senior 0',
  ): PlacedChange => ({
    team: 'synthetic',
    level,
    signer: signedOffAt === null ? null : signer,
    authoredAt,
    firstReviewAt: null,
    signedOffAt,
    aiAssisted: false,
    lines: 10,
  });
  const free = new Array<number>(team.reviewers ?? team.seniors).fill(SYNTHETIC_START);
  const out: PlacedChange[] = [];
  for (const at of arrivals(team.juniors)) {
    if (rng.next() >= team.signoffShare) {
      out.push(change('junior', at, null));
      continue;
    }
    let first = 0;
    for (let i = 1; i < free.length; i++) if (free[i]! < free[first]!) first = i;
    const done = Math.max(at, free[first]!) + exponential(team.reviewWeeks * weekMs);
    free[first] = done;
    if (done < end) out.push(change('junior', at, done, `senior ${first}`));
  }
  for (const at of arrivals(team.seniors)) out.push(change('senior', at, null));
  return out;
}
