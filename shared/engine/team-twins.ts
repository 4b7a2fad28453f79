import type { ModelParams } from './model-params';
import type { TeamRange } from './monte-carlo';
import type { Timeline } from './timeline';

/** Whether `a[aFrom..aFrom + length)` and `b[bFrom..bFrom + length)` hold the same values (-0 is not 0; NaN differs from everything). */
const sameRange = (
  a: ArrayLike<number>,
  aFrom: number,
  b: ArrayLike<number>,
  bFrom: number,
  length: number,
): boolean => {
  for (let i = 0; i < length; i++) {
    const x = a[aFrom + i]!;
    if (x !== b[bFrom + i] || (x === 0 && !Object.is(x, b[bFrom + i]))) return false;
  }
  return true;
};

const sameParams = (a: ModelParams, b: ModelParams): boolean => {
  if (a === b) return true;
  if (Object.keys(a).length !== Object.keys(b).length) return false;
  for (const name of Object.keys(a) as (keyof ModelParams)[]) if (!Object.is(a[name], b[name])) return false;
  return true;
};

/** Whether teams t and u of `tl` read the same timeline values (rows, change rates and headcount ops). */
const sameRows = (tl: Timeline, t: number, u: number): boolean => {
  const { levels: L, weeks: W } = tl;
  const rows = L * W;
  const ownT = tl.teamChangesPerWeek[t] ?? tl.changesPerWeek;
  const ownU = tl.teamChangesPerWeek[u] ?? tl.changesPerWeek;
  const opsT = tl.ops[t]!;
  const opsU = tl.ops[u]!;
  return (
    sameRange(tl.headcount, t * L, tl.headcount, u * L, L) &&
    sameRange(ownT, 0, ownU, 0, L) &&
    sameRange(tl.adoption, t * rows, tl.adoption, u * rows, rows) &&
    sameRange(tl.rampDeficit, t * rows, tl.rampDeficit, u * rows, rows) &&
    sameRange(tl.shock, t * rows, tl.shock, u * rows, rows) &&
    sameRange(tl.reviewTime, t * 2 * W, tl.reviewTime, u * 2 * W, 2 * W) &&
    opsT.length === opsU.length &&
    opsT.every(
      (op, i) =>
        op.week === opsU[i]!.week &&
        op.kind === opsU[i]!.kind &&
        op.level === opsU[i]!.level &&
        op.toLevel === opsU[i]!.toLevel &&
        Object.is(op.amount, opsU[i]!.amount),
    )
  );
};

/** Sum of a team's row: a cheap fingerprint that sends teams which cannot be twins to different buckets. */
const rowSum = (values: ArrayLike<number>, from: number, length: number): number => {
  let sum = 0;
  for (let i = 0; i < length; i++) sum += values[from + i]!;
  return sum;
};

/**
 * For each team of `range` (default: all), the first team of the range whose deterministic inputs are the same (its parameters, timeline
 * rows, change rates and headcount ops): the mean path of such twins is the same series, so it is
 * computed once. A team without an earlier twin maps to itself. Teams are bucketed by headcount,
 * change rates, parameters and row sums, then compared value by value within a bucket: an org calibrated from
 * its history gives each team its own change rates, and one bucket of 10,000 such teams made
 * the comparisons quadratic (73 s of CPU for a mean path that takes under 1 s).
 */
export const firstTwins = (
  tl: Timeline,
  params: readonly ModelParams[],
  range: TeamRange = { teamStart: 0, teamCount: tl.teams },
): Int32Array => {
  const { levels: L, weeks: W } = tl;
  const rows = L * W;
  const { teamStart, teamCount } = range;
  const twins = new Int32Array(teamCount);
  const buckets = new Map<string, number[]>();
  for (let t = teamStart; t < teamStart + teamCount; t++) {
    const key = [
      ...tl.headcount.subarray(t * L, t * L + L),
      ...(tl.teamChangesPerWeek[t] ?? tl.changesPerWeek),
      ...Object.values(params[t]!),
      rowSum(tl.adoption, t * rows, rows),
      rowSum(tl.rampDeficit, t * rows, rows),
      rowSum(tl.shock, t * rows, rows),
      rowSum(tl.reviewTime, t * 2 * W, 2 * W),
      tl.ops[t]!.length,
    ].join(',');
    const bucket = buckets.get(key);
    const twin = bucket?.find((u) => sameParams(params[t]!, params[u]!) && sameRows(tl, t, u));
    twins[t - teamStart] = twin ?? t;
    if (twin !== undefined) continue;
    if (bucket) bucket.push(t);
    else buckets.set(key, [t]);
  }
  return twins;
};
