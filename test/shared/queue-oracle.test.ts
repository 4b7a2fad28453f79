import { describe, expect, it } from 'vitest';
import { type ForecastInputRaw, runForecast } from '../../shared/index';
import { oracleScenarioOf, type QueueCase, queueCase, weekDate } from './oracle/engine-cases';
import { erlangC } from './oracle/erlang-c';
import { quantile, replicate } from './oracle/replications';

/** Mean of the finite values (a replication with no arrival in a week has no mean wait there). */
const mean = (xs: ArrayLike<number>) => {
  const finite = Array.from(xs).filter(Number.isFinite);
  return finite.reduce((s, x) => s + x, 0) / finite.length;
};

describe('queue oracle (discrete-event simulation of individual changes)', () => {
  it.each([
    [1, 0.8],
    [5, 0.8],
    [10, 0.9],
  ])('matches exact M/M/%i at load %f: mean wait and P(wait) within sampling error', (c, rho) => {
    const serviceHours = 8;
    const week = {
      arrivals: (rho * c * 40) / serviceHours,
      servers: c,
      capacityHours: c * 40,
      serviceHours: 8,
    };
    const replications = 24;
    const out = replicate(
      {
        weeks: Array.from({ length: 150 }, () => week),
        serviceCv: 1,
        workHours: 40,
        targetHours: 0,
        warmupWeeks: 50,
      },
      replications,
      c,
    );
    const C = erlangC(c, rho * c);
    const exactWait = (C * serviceHours) / (c - rho * c);
    const perReplication = Array.from({ length: replications }, (_, r) =>
      mean(out.meanWaits.map((w) => w[r]!)),
    );
    const se = Math.sqrt(
      mean(perReplication.map((x) => (x - mean(perReplication)) ** 2)) / (replications - 1),
    );
    expect(Math.abs(mean(perReplication) - exactWait)).toBeLessThan(3 * se);
    const waited = 1 - mean(out.serviceLevel);
    expect(Math.abs(waited - C)).toBeLessThan(0.03);
  });
});

/** Hand-checked: 5 reviewers x 6 h x (1 - 0.13) = 26.1 h a week at 0.8 h a change. */
const steady80 = queueCase({ name: 'steady 80%, 5 reviewers', reviewers: 5, load: 0.8 });

describe('queue model (engine mean path)', () => {
  it('starts at and holds the Erlang C queue of a steady load', () => {
    const m = runForecast(steady80.input).teams[0]!.metrics;
    const capacity = (5 * 6 * 0.87) / 0.8;
    const lambda = 0.8 * capacity;
    const C = erlangC(5, 4);
    const lq = (C * 0.8) / 0.2;
    for (const w of [0, 12, 25]) {
      expect(Math.abs(m.backlog.p50[w]! / lq - 1)).toBeLessThan(1e-3);
      expect(Math.abs(m.meanWaitHours.p50[w]! / ((lq / lambda) * 40) - 1)).toBeLessThan(1e-3);
    }
  });
});

/** A figure's worst window: engine vs oracle, the oracle's standard error, and the error left beyond 2 of them. */
interface Cell {
  engine: number;
  oracle: number;
  se: number;
  /** Relative (or, for the service level, absolute) error beyond two standard errors of the oracle. */
  beyond: number;
}

interface Row {
  name: string;
  backlog: Cell;
  wait: Cell;
  p90: Cell;
  serviceLevel: Cell;
}

const BATCHES = 8;

/**
 * Engine against the oracle over each window of weeks, for one figure: the oracle runs in
 * {@link BATCHES} independent batches, whose spread gives its standard error. Windows where the
 * oracle's figure is below `floor` (not material) are skipped; the worst window is kept.
 */
const worstWindow = (
  engine: number[],
  batches: number[][],
  windows: number[][],
  floor: number,
  relative: boolean,
): Cell => {
  let worst: Cell = { engine: 0, oracle: 0, se: 0, beyond: 0 };
  let worstKey = -1;
  for (const weeks of windows) {
    const e = mean(weeks.map((w) => engine[w]!));
    const perBatch = batches.map((b) => mean(weeks.map((w) => b[w]!)));
    const o = mean(perBatch);
    if (relative && o <= floor) continue;
    const se = Math.sqrt(mean(perBatch.map((x) => (x - o) ** 2)) / (BATCHES - 1));
    const gap = Math.max(0, Math.abs(e - o) - 2 * se) * Math.sign(e - o);
    const beyond = relative ? gap / o : gap;
    const key = Math.abs(beyond) + 1e-9 * Math.abs(relative ? e / o - 1 : e - o);
    if (key > worstKey) {
      worstKey = key;
      worst = { engine: e, oracle: o, se, beyond };
    }
  }
  return worst;
};

const compare = (c: QueueCase, replications: number, windows: number[][]): Row => {
  const scenario = oracleScenarioOf(c);
  const runs = Array.from({ length: BATCHES }, (_, b) =>
    replicate(scenario, replications / BATCHES, 100 + b),
  );
  const m = runForecast(c.input).teams[0]!.metrics;
  return {
    name: c.name,
    backlog: worstWindow(
      m.backlog.p50,
      runs.map((o) => o.backlog),
      windows,
      1,
      true,
    ),
    wait: worstWindow(
      m.meanWaitHours.p50,
      runs.map((o) => o.meanWait),
      windows,
      0.5,
      true,
    ),
    p90: worstWindow(
      m.p90WaitHours.p50,
      runs.map((o) => o.p90Wait),
      windows,
      0.5,
      true,
    ),
    serviceLevel: worstWindow(
      m.serviceLevel.p50,
      runs.map((o) => o.serviceLevel),
      windows,
      0,
      false,
    ),
  };
};

const all = (weeks: number) => [Array.from({ length: weeks }, (_, w) => w)];
const fours = (from: number, to: number) =>
  Array.from({ length: Math.floor((to - from) / 4) }, (_, i) => [0, 1, 2, 3].map((k) => from + 4 * i + k));

const cell = (c: Cell, points = false) =>
  points
    ? `${(100 * c.beyond).toFixed(1)} (${(100 * c.engine).toFixed(1)}/${(100 * c.oracle).toFixed(1)})`.padStart(
        20,
      )
    : `${(100 * c.beyond).toFixed(1)}% (${c.engine.toFixed(2)}/${c.oracle.toFixed(2)}±${c.se.toFixed(2)})`.padStart(
        28,
      );
const print = (rows: Row[]) =>
  console.log(
    [
      `${'scenario'.padEnd(32)}${'backlog'.padStart(28)}${'mean wait h'.padStart(28)}${'p90 wait h'.padStart(28)}${'SL pt'.padStart(20)}`,
      ...rows.map(
        (r) =>
          `${r.name.padEnd(32)}${cell(r.backlog)}${cell(r.wait)}${cell(r.p90)}${cell(r.serviceLevel, true)}`,
      ),
    ].join('\n'),
  );

const overload = (name: string, overtime: boolean): QueueCase =>
  queueCase({
    name,
    reviewers: 5,
    load: 0.7,
    authors: 7,
    weeks: 30,
    overtime,
    events: [
      { type: 'hire', date: weekDate(2), teamId: 'team', level: 'author', count: 5, rampWeeks: 0 },
      { type: 'layoff', date: weekDate(10), teamIds: ['team'], level: 'author', count: 5 },
    ],
  });

describe('queue model against the oracle', () => {
  it('holds steady loads: pooled backlog and mean wait within 5%, p90 within 10%, service level within 2 points', () => {
    const cases = [
      queueCase({ name: 'steady 50%, 5 reviewers', reviewers: 5, load: 0.5, weeks: 13 }),
      queueCase({ name: 'steady 80%, 5 reviewers', reviewers: 5, load: 0.8, weeks: 13 }),
      queueCase({ name: 'steady 90%, 5 reviewers', reviewers: 5, load: 0.9, weeks: 13 }),
      queueCase({ name: 'steady 95%, 5 reviewers', reviewers: 5, load: 0.95, weeks: 13 }),
      queueCase({ name: 'steady 80%, 1 reviewer', reviewers: 1, load: 0.8, weeks: 13 }),
      queueCase({ name: 'steady 90%, 20 reviewers', reviewers: 20, load: 0.9, weeks: 13 }),
      queueCase({ name: 'review time cv 0.5, 90%', reviewers: 5, load: 0.9, serviceCv: 0.5, weeks: 13 }),
      queueCase({ name: 'review time cv 1.5, 90%', reviewers: 5, load: 0.9, serviceCv: 1.5, weeks: 13 }),
    ];
    const rows = cases.map((c) => compare(c, 400, all(13)));
    print(rows);
    for (const r of rows) {
      expect(Math.abs(r.backlog.beyond), r.name).toBeLessThan(0.05);
      expect(Math.abs(r.wait.beyond), r.name).toBeLessThan(0.05);
      expect(Math.abs(r.p90.beyond), r.name).toBeLessThan(0.1);
      expect(Math.abs(r.serviceLevel.beyond), r.name).toBeLessThan(0.02);
    }
  }, 120_000);

  it('follows overload, recovery, a layoff and overtime (4-week windows; errors printed)', () => {
    const rows = [
      compare(overload('overload 120% x8 then 70%', false), 300, fours(2, 26)),
      compare(
        queueCase({
          name: 'layoff 10 -> 8 reviewers at 75%',
          reviewers: 10,
          load: 0.75,
          weeks: 28,
          events: [{ type: 'layoff', date: weekDate(4), teamIds: ['team'], level: 'reviewer', count: 2 }],
        }),
        300,
        fours(4, 28),
      ),
      compare(
        queueCase({ name: 'overtime on, 95%', reviewers: 5, load: 0.95, overtime: true, weeks: 12 }),
        300,
        fours(0, 12),
      ),
      compare(overload('overtime on, overload', true), 300, fours(2, 26)),
    ];
    print(rows);
    for (const r of rows) expect(Math.abs(r.backlog.beyond), r.name).toBeLessThan(0.6);
  }, 120_000);

  // Each case: the weeks pooled, and the oracle's warm-up when shorter than its default will do
  // (20 reviewers at 90% relax within two weeks; 150 weeks of 117 arrivals x 1,000 replications cost 40 s).
  it.each([
    [
      queueCase({ name: 'steady 90%, 5 reviewers', reviewers: 5, load: 0.9, weeks: 8 }),
      [0, 1, 2, 3, 4, 5, 6, 7],
    ],
    [
      queueCase({ name: 'steady 80%, 1 reviewer', reviewers: 1, load: 0.8, weeks: 8 }),
      [0, 1, 2, 3, 4, 5, 6, 7],
    ],
    [
      queueCase({ name: 'steady 90%, 20 reviewers', reviewers: 20, load: 0.9, weeks: 8 }),
      [0, 1, 2, 3, 4, 5, 6, 7],
      30,
    ],
    [
      queueCase({
        name: 'layoff 10 -> 8 reviewers at 75%',
        reviewers: 10,
        load: 0.75,
        weeks: 16,
        events: [{ type: 'layoff', date: weekDate(4), teamIds: ['team'], level: 'reviewer', count: 2 }],
      }),
      [12, 13, 14, 15],
    ],
  ] as const)(
    'gives Monte Carlo bands of weekly backlog and mean wait like the oracle replications ($name)',
    (c, weeks, warmup?: number) => {
      const input: ForecastInputRaw = { ...c.input, options: { ...c.input.options, runs: 1000 } };
      const mc = runForecast(input).teams[0]!.metrics;
      const oracle = replicate(oracleScenarioOf(c, warmup), 1000, 23);
      const pooled = (series: Float64Array[]) =>
        Float64Array.from(weeks.flatMap((w) => Array.from(series[w]!)));
      const rows: string[] = [
        `${c.name}: Monte Carlo band (mean over weeks ${weeks[0]}-${weeks.at(-1)}) engine / oracle quantile`,
      ];
      const gap = (key: 'backlog' | 'meanWaitHours', band: 'p10' | 'p50' | 'p90', q: number) => {
        const expected = quantile(pooled(key === 'backlog' ? oracle.backlogs : oracle.meanWaits), q);
        const got = mean(weeks.map((w) => mc[key][band][w]!));
        rows.push(`${key} ${band}: ${got.toFixed(2)} / ${expected.toFixed(2)}`);
        return { got, expected };
      };
      const within = ({ got, expected }: { got: number; expected: number }, share: number, floor: number) =>
        Math.abs(got - expected) <= Math.max(share * expected, floor);
      const checks = [
        within(gap('backlog', 'p10', 0.1), 0.1, 1),
        within(gap('backlog', 'p50', 0.5), 0.1, 1),
        within(gap('backlog', 'p90', 0.9), 0.1, 1),
        within(gap('meanWaitHours', 'p10', 0.1), 0.1, 0.5),
        within(gap('meanWaitHours', 'p50', 0.5), 0.1, 0.5),
        within(gap('meanWaitHours', 'p90', 0.9), 0.1, 0.5),
      ];
      console.log(rows.join('\n'));
      expect(checks).toEqual([true, true, true, true, true, true]);
    },
    120_000,
  );
});
