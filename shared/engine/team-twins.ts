import type { ModelParams } from './model-params';
import type { TeamRange } from './monte-carlo';
import type { Timeline } from './timeline';

/** The 32-bit words of a float64 array's values (two a value), over the same memory. */
const wordsOf = (values: Float64Array): Int32Array =>
  new Int32Array(values.buffer, values.byteOffset, values.length * 2);

/**
 * Whether values `[aFrom..aFrom + length)` of `a` and `[bFrom..)` of `b`, given as their words
 * ({@link wordsOf}), hold the same bits: -0 is not 0, and a value equals only itself, so twins
 * read the same inputs and compute the same series.
 */
const sameBits = (a: Int32Array, aFrom: number, b: Int32Array, bFrom: number, length: number): boolean => {
  const from = 2 * aFrom;
  const offset = 2 * bFrom - from;
  const end = from + 2 * length;
  for (let i = from; i < end; i += 2)
    if (a[i] !== b[i + offset] || a[i + 1] !== b[i + 1 + offset]) return false;
  return true;
};

/**
 * Adds the bits of values `[from..from + length)` (as {@link wordsOf}) to hash `h`: the wrapping
 * sum of their words, so the same values in another order add the same (such teams share a
 * bucket, and {@link sameRows} tells them apart).
 */
const hashBits = (h: number, words: Int32Array, from: number, length: number): number => {
  const end = 2 * (from + length);
  let sum = 0;
  for (let i = 2 * from; i < end; i++) sum = (sum + words[i]!) | 0;
  return (Math.imul(h, 0x01000193) ^ sum) | 0;
};

const number = new Float64Array(1);
const numberWords = wordsOf(number);

/** The wrapping sum of the words of a parameter set's values (a value that is not a number adds 0), in any order. */
const paramsSum = (params: ModelParams): number => {
  let sum = 0;
  for (const value of Object.values(params)) {
    number[0] = typeof value === 'number' ? value : 0;
    sum = (sum + numberWords[0]! + numberWords[1]!) | 0;
  }
  return sum;
};

const sameParams = (a: ModelParams, b: ModelParams): boolean => {
  if (a === b) return true;
  if (Object.keys(a).length !== Object.keys(b).length) return false;
  for (const name of Object.keys(a) as (keyof ModelParams)[]) if (!Object.is(a[name], b[name])) return false;
  return true;
};

/** The words of a timeline's per-team arrays, read once per {@link firstTwins}. */
interface TeamWords {
  headcount: Int32Array;
  adoption: Int32Array;
  rampDeficit: Int32Array;
  shock: Int32Array;
  reviewTime: Int32Array;
}

const teamWords = (tl: Timeline): TeamWords => ({
  headcount: wordsOf(tl.headcount),
  adoption: wordsOf(tl.adoption),
  rampDeficit: wordsOf(tl.rampDeficit),
  shock: wordsOf(tl.shock),
  reviewTime: wordsOf(tl.reviewTime),
});

const ownRates = (tl: Timeline, t: number): Float64Array => tl.teamChangesPerWeek[t] ?? tl.changesPerWeek;

/** Whether teams t and u of `tl` read the same timeline values (rows, change rates and headcount ops). */
const sameRows = (tl: Timeline, words: TeamWords, t: number, u: number): boolean => {
  const { levels: L, weeks: W } = tl;
  const rows = L * W;
  const opsT = tl.ops[t]!;
  const opsU = tl.ops[u]!;
  return (
    sameBits(words.headcount, t * L, words.headcount, u * L, L) &&
    sameBits(wordsOf(ownRates(tl, t)), 0, wordsOf(ownRates(tl, u)), 0, L) &&
    sameBits(words.adoption, t * rows, words.adoption, u * rows, rows) &&
    sameBits(words.rampDeficit, t * rows, words.rampDeficit, u * rows, rows) &&
    sameBits(words.shock, t * rows, words.shock, u * rows, rows) &&
    sameBits(words.reviewTime, t * 2 * W, words.reviewTime, u * 2 * W, 2 * W) &&
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

/**
 * A hash of everything {@link sameRows} and sameParams compare: twins have the same hash, and so
 * do teams whose values of one input are the same in another order (compared bit by bit).
 */
const teamHash = (tl: Timeline, words: TeamWords, params: ModelParams, t: number): number => {
  const { levels: L, weeks: W } = tl;
  const rows = L * W;
  let h = tl.ops[t]!.length ^ paramsSum(params);
  h = hashBits(h, words.headcount, t * L, L);
  h = hashBits(h, wordsOf(ownRates(tl, t)), 0, L);
  h = hashBits(h, words.adoption, t * rows, rows);
  h = hashBits(h, words.rampDeficit, t * rows, rows);
  h = hashBits(h, words.shock, t * rows, rows);
  return hashBits(h, words.reviewTime, t * 2 * W, 2 * W);
};

/**
 * For each team of `range` (default: all), the first team of the range whose deterministic inputs are the same (its parameters, timeline
 * rows, change rates and headcount ops): the mean path of such twins is the same series, so it is
 * computed once. A team without an earlier twin maps to itself. Teams are bucketed by a hash of
 * those inputs' bits ({@link teamHash}), then compared bit by bit within a bucket: an org calibrated from its
 * history gives each team its own change rates, and one bucket of 10,000 such teams made the
 * comparisons quadratic (73 s of CPU for a mean path that takes under 1 s); a bucket key
 * written as a string of every value took a third of a mean path of 100 twins.
 */
export const firstTwins = (
  tl: Timeline,
  params: readonly ModelParams[],
  range: TeamRange = { teamStart: 0, teamCount: tl.teams },
): Int32Array => {
  const { teamStart, teamCount } = range;
  const words = teamWords(tl);
  const twins = new Int32Array(teamCount);
  const buckets = new Map<number, number[]>();
  for (let t = teamStart; t < teamStart + teamCount; t++) {
    const key = teamHash(tl, words, params[t]!, t);
    const bucket = buckets.get(key);
    const twin = bucket?.find((u) => sameParams(params[t]!, params[u]!) && sameRows(tl, words, t, u));
    twins[t - teamStart] = twin ?? t;
    if (twin !== undefined) continue;
    if (bucket) bucket.push(t);
    else buckets.set(key, [t]);
  }
  return twins;
};
