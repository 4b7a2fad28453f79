import { move, transferableSymbol, valueSymbol } from 'piscina';
import {
  type Forecast,
  type ForecastInput,
  layoffHeadroom,
  mergeSlices,
  reviewersNeeded,
  roundedMeanForecast,
  runSlice,
  type Slice,
  type SlicePart,
  teamAnswers,
} from '../../shared/index';
import { type CapacityRow, capacityRows, forecastSummary } from './forecast-summary';
import { type StoredSeries, toStoredSeries } from './series-chunks';

/** What the engine returns for one input: the forecast as stored (head and team chunks), its run summary and report rows. */
export interface EngineResult extends StoredSeries {
  summary: ReturnType<typeof forecastSummary>;
  report: CapacityRow[];
}

/**
 * Work for a forecast worker: a whole input; one slice of it (see planSlices); or the merge of
 * all its slices' parts into the stored result.
 */
export type EngineTask =
  | ForecastInput
  | { task: 'slice'; input: ForecastInput; slice: Slice }
  | { task: 'merge'; input: ForecastInput; parts: SlicePart[] };

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
export const partBuffers = (part: SlicePart): ArrayBuffer[] => [
  ...new Set(
    (part.kind === 'runs' ? [...part.samples.teams, part.samples.org] : [part.acc]).map(
      (array) => array.buffer as ArrayBuffer,
    ),
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
export const movedPart = (part: SlicePart) => moved(part, partBuffers(part));

/** A result with its team chunks moved (see {@link moved}). */
export const movedResult = (result: EngineResult) =>
  moved(
    result,
    result.teamChunks.map((chunk) => chunk.buffer),
  );

/** Runs a slice task or a merge task (the caller tells whole inputs apart). */
export const runTask = (task: Exclude<EngineTask, ForecastInput>): SlicePart | EngineResult =>
  task.task === 'slice'
    ? runSlice(task.input, task.slice)
    : shapeResult(task.input, mergeSlices(task.input, task.parts));
