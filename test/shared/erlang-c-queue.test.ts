import { describe, expect, it } from 'vitest';
import { runForecast } from '../../shared/index';
import { queueCase, weekDate } from './oracle/engine-cases';
import { erlangC } from './oracle/erlang-c';

/**
 * A steady Poisson load on n reviewers is the textbook M/M/n queue (M/G/n with the Allen-Cunneen
 * factor (1 + cv^2) / 2 on the queue for other review-time cvs), so the mean path's figures are
 * checked against Erlang C's closed forms, written here from the textbook and not from the engine:
 * the forecast starts at that equilibrium and holds it week after week.
 */
/** Reviews per reviewer-week at the defaults the cases use: 6 h less 13% shrinkage, 0.8 h a review. */
const PER_REVIEWER = (6 * (1 - 0.13)) / 0.8;
const WORK_HOURS = 40;
/** The default target wait (options.thresholds.targetWaitHours). */
const TARGET_HOURS = 16;
const WEEKS = [0, 12, 25];

/** Erlang C's figures of `n` reviewers at `load` (arrivals over their capacity). */
const figuresOf = (n: number, load: number, serviceCv: number) => {
  const lambda = load * n * PER_REVIEWER;
  const C = erlangC(n, lambda / PER_REVIEWER);
  const backlog = ((C * load) / (1 - load)) * ((1 + serviceCv ** 2) / 2);
  /** P(wait > t weeks) = C exp(-(n mu - lambda) t) in M/M/n. */
  const decay = (n * PER_REVIEWER - lambda) / WORK_HOURS;
  return {
    backlog,
    meanWaitHours: (backlog / lambda) * WORK_HOURS,
    p90WaitHours: C > 0.1 ? Math.log(C / 0.1) / decay : 0,
    serviceLevel: 1 - C * Math.exp(-decay * TARGET_HOURS),
  };
};

const teamOf = (n: number, load: number, serviceCv: number) =>
  runForecast(queueCase({ name: `${n} at ${load}`, reviewers: n, load, serviceCv }).input).teams[0]!.metrics;

describe('a steady load forecast against Erlang C', () => {
  it.each([
    [1, 0.5, 1],
    [3, 0.5, 1],
    [5, 0.8, 1],
    [5, 0.9, 1],
    [8, 0.95, 1],
    [5, 0.8, 0.5],
    [3, 0.9, 1.5],
  ])(
    '%i reviewers at load %f, review-time cv %f: backlog and mean wait within 0.1% of Erlang C (Allen-Cunneen) in weeks 0, 12 and 25',
    (n, load, cv) => {
      const m = teamOf(n, load, cv);
      const expected = figuresOf(n, load, cv);
      for (const w of WEEKS) {
        expect(Math.abs(m.backlog.p50[w]! / expected.backlog - 1)).toBeLessThan(1e-3);
        expect(Math.abs(m.meanWaitHours.p50[w]! / expected.meanWaitHours - 1)).toBeLessThan(1e-3);
      }
    },
  );

  it.each([
    [1, 0.5],
    [3, 0.5],
    [5, 0.8],
    [5, 0.9],
    [8, 0.95],
  ])(
    '%i reviewers at load %f with exponential reviews: p90 wait within 2% and service level within 0.2 points of M/M/n in weeks 0, 12 and 25',
    (n, load) => {
      const m = teamOf(n, load, 1);
      const expected = figuresOf(n, load, 1);
      for (const w of WEEKS) {
        expect(Math.abs(m.p90WaitHours.p50[w]! / expected.p90WaitHours - 1)).toBeLessThan(0.02);
        expect(Math.abs(m.serviceLevel.p50[w]! - expected.serviceLevel)).toBeLessThan(0.002);
      }
    },
  );

  it.each([
    ['4 to 6 reviewers (a hire at week 4)', 4, 6, 0.85],
    ['6 to 5 reviewers (a layoff at week 4)', 6, 5, 0.6],
  ])(
    'settles to the Erlang C queue of the new team size, %s: backlog and mean wait within 0.1% from week 20 to 39',
    (_, from, to, load) => {
      const event =
        to > from
          ? {
              type: 'hire' as const,
              date: weekDate(4),
              teamId: 'team',
              level: 'reviewer',
              count: to - from,
              rampWeeks: 0,
            }
          : {
              type: 'layoff' as const,
              date: weekDate(4),
              teamIds: ['team'],
              level: 'reviewer',
              count: from - to,
            };
      const input = queueCase({
        name: `${from} to ${to}`,
        reviewers: from,
        load,
        weeks: 40,
        events: [event],
      }).input;
      const m = runForecast(input).teams[0]!.metrics;
      // The same arrivals over the new team's capacity.
      const expected = figuresOf(to, (load * from) / to, 1);
      for (let w = 20; w < 40; w++) {
        expect(Math.abs(m.backlog.p50[w]! / expected.backlog - 1)).toBeLessThan(1e-3);
        expect(Math.abs(m.meanWaitHours.p50[w]! / expected.meanWaitHours - 1)).toBeLessThan(1e-3);
      }
    },
  );
});
