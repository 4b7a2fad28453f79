import { move, transferableSymbol, valueSymbol } from 'piscina';
import {
  type Forecast,
  type ForecastInput,
  layoffHeadroom,
  mergeSlices,
  planSlices,
  reviewersNeeded,
  roundedMeanForecast,
  runForecast,
  runSlice,
  type Slice,
  type SlicePart,
  teamAnswers,
} from '../../shared/index';
import { capacityRows, type EngineResult, forecastSummary } from './forecast-summary';
import { toStoredSeries } from './series-chunks';
import { shapeMeanSlice } from './shaped-mean';
import { mergeShaped } from './shaped-merger';
import type { ShapedPart } from './shaped-part';
import { shapeTeamSlice } from './shaped-teams';
import { type SharedInput, sharedInputOf } from './shared-input';

export type { EngineResult } from './forecast-summary';

/** A run slice's raw samples, merged along runs on a thread (see mergeSlices). */
export type RunsPart = Extract<SlicePart, { kind: 'runs' }>;

/**
 * What a slice gives back: a run slice its raw samples; a team slice (the mean path's or Monte
 * Carlo's) its teams already shaped for storage and its org sums (see ShapedMerger).
 */
export type EnginePart = RunsPart | ShapedPart;

/**
 * Work for a forecast worker: a whole input; one slice of it (see planSlices and {@link slicePart};
 * the input shared, see SharedInput);
 * or the merge of a run split's parts into the stored result. Team slices are shaped where they
 * are computed; their merge (ShapedMerger) runs where their parts arrive.
 */
export type EngineTask =
  | ForecastInput
  | { task: 'slice'; input: SharedInput; slice: Slice }
  | { task: 'merge'; input: ForecastInput; parts: RunsPart[] };

/**
 * Shapes what gets stored for a forecast: the series (see toStoredSeries), the summary and report rows.
 * The per-team answers (first breach with threshold and value, reviewers needed, absorbable
 * layoff, peak burnout) go into both, so every screen and the report read the same figures.
 * A mean path is rounded first (see roundedMeanForecast), so all three read the stored values.
 */
export const shapeResult = (input: ForecastInput, computed: Forecast): EngineResult => {
  const forecast = roundedMeanForecast(computed);
  const needed = reviewersNeeded(input);
  const answers = teamAnswers(forecast, input.options.thresholds, needed, layoffHeadroom(input));
  return {
    ...toStoredSeries(forecast),
    summary: forecastSummary(forecast, needed, answers),
    report: capacityRows(forecast, input.org.teams, answers),
  };
};

/** The buffers of a part, each once (decoded parts share one), so it moves between threads instead of being copied. */
export const partBuffers = (part: SlicePart | ShapedPart): ArrayBuffer[] => [
  ...new Set(
    ('kind' in part
      ? part.kind === 'runs'
        ? [...part.samples.teams, part.samples.org]
        : [part.acc]
      : [part.acc, ...part.teamChunks, ...part.teamDigests]
    ).map((array) => array.buffer as ArrayBuffer),
  ),
];

/** A value that piscina moves (transfers `buffers`) back to the main thread instead of copying. */
const moved = <T extends object>(value: T, buffers: ArrayBuffer[]) =>
  move({
    get [transferableSymbol]() {
      return buffers;
    },
    get [valueSymbol]() {
      return value;
    },
  });

/** A slice part, moved (see {@link moved}). */
export const movedPart = (part: EnginePart) => moved(part, partBuffers(part));

/** A result with its team chunks moved (see {@link moved}). */
export const movedResult = (result: EngineResult) =>
  moved(
    result,
    [...result.teamChunks, ...result.teamDigests].map((chunk) => chunk.buffer),
  );

/** The stored result of a whole input: a mean path as one shaped slice of every team, Monte Carlo shaped after it ran. */
const wholeResult = (input: ForecastInput): EngineResult =>
  input.options.runs === 0
    ? mergeShaped(input, [shapeMeanSlice(input, planSlices(input, 1)[0]!)])
    : shapeResult(input, runForecast(input));

/** One slice of a plan: a run slice's raw samples, a team slice shaped where it ran (see {@link EnginePart}). */
export const slicePart = (input: ForecastInput, slice: Slice): EnginePart => {
  switch (slice.kind) {
    case 'runs':
      return runSlice(input, slice) as RunsPart;
    case 'mean':
      return shapeMeanSlice(input, slice);
    case 'teams':
      return shapeTeamSlice(input, slice);
  }
};

/** Runs any task, its buffers moved back (see {@link moved}). */
export const runTask = (task: EngineTask): ReturnType<typeof movedPart | typeof movedResult> => {
  if (!('task' in task)) return movedResult(wholeResult(task));
  switch (task.task) {
    case 'slice':
      return movedPart(slicePart(sharedInputOf(task.input), task.slice));
    case 'merge':
      return movedResult(shapeResult(task.input, mergeSlices(task.input, task.parts)));
  }
};
