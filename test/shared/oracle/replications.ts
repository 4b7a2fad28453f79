import { type OracleScenario, simulateQueue } from './queue-simulation';
import { OracleRandom } from './random';

/** Waits are binned at this width (hours) to find pooled percentiles. */
const BIN_HOURS = 0.02;

/** Per week over all replications: pooled means and percentiles, and each replication's figures. */
export interface OracleSummary {
  /** Mean over replications of the backlog at the week's end. */
  backlog: number[];
  /** Pooled over every review started that week: mean wait, 90th percentile wait, share within target. */
  meanWait: number[];
  p90Wait: number[];
  serviceLevel: number[];
  /** Each replication's backlog and mean wait (NaN when it started no review that week). */
  backlogs: Float64Array[];
  meanWaits: Float64Array[];
}

/** Value at cumulative share `q` of a histogram of `count` waits. */
const histogramQuantile = (bins: Map<number, number>, count: number, q: number): number => {
  const keys = [...bins.keys()].sort((a, b) => a - b);
  let seen = 0;
  for (const k of keys) {
    seen += bins.get(k)!;
    if (seen >= q * count) return (k + 0.5) * BIN_HOURS;
  }
  return 0;
};

/** Runs `replications` independent replications of a scenario from `seed`. */
export const replicate = (scenario: OracleScenario, replications: number, seed: number): OracleSummary => {
  const W = scenario.weeks.length;
  const bins = Array.from({ length: W }, () => new Map<number, number>());
  const backlogs = Array.from({ length: W }, () => new Float64Array(replications));
  const meanWaits = Array.from({ length: W }, () => new Float64Array(replications));
  const starts = new Float64Array(W);
  const waitSum = new Float64Array(W);
  const within = new Float64Array(W);
  for (let r = 0; r < replications; r++) {
    const random = new OracleRandom(seed * 1_000_003 + r);
    const figures = simulateQueue(scenario, random, (w, wait) => {
      const bin = Math.floor(wait / BIN_HOURS);
      const map = bins[w]!;
      map.set(bin, (map.get(bin) ?? 0) + 1);
    });
    figures.forEach((f, w) => {
      backlogs[w]![r] = f.backlog;
      meanWaits[w]![r] = f.starts > 0 ? f.waitSum / f.starts : Number.NaN;
      starts[w]! += f.starts;
      waitSum[w]! += f.waitSum;
      within[w]! += f.withinTarget;
    });
  }
  return {
    backlog: backlogs.map((b) => b.reduce((a, v) => a + v, 0) / replications),
    meanWait: [...waitSum].map((s, w) => (starts[w]! > 0 ? s / starts[w]! : 0)),
    p90Wait: bins.map((b, w) => histogramQuantile(b, starts[w]!, 0.9)),
    serviceLevel: [...within].map((s, w) => (starts[w]! > 0 ? s / starts[w]! : 1)),
    backlogs,
    meanWaits,
  };
};

/** Nearest-rank quantile of the finite values of `values`. */
export const quantile = (values: Float64Array, q: number): number => {
  const sorted = [...values].filter(Number.isFinite).sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0;
};
