import { move, transferableSymbol, valueSymbol } from 'piscina';
import {
  type Forecast,
  type ForecastInput,
  layoffHeadroom,
  mergeSlices,
  reviewersNeeded,
  runSlice,
  type Slice,
  type SlicePart,
  teamAnswers,
} from '../../shared/index';
import { type CapacityRow, capacityRows, forecastSummary } from './forecast-summary';

/** What the engine returns for one input: the forecast as JSON text, its run summary and report rows. */
export interface EngineResult {
  seriesJson: string;
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
 * Shapes what gets stored for a forecast: the series as JSON text, the summary and report rows.
 * The per-team answers (first breach with threshold and value, reviewers needed, absorbable
 * layoff, peak burnout) go into both, so every screen and the report read the same figures.
 */
export const shapeResult = (input: ForecastInput, forecast: Forecast): EngineResult => {
  const needed = reviewersNeeded(input);
  const answers = teamAnswers(forecast, input.options.thresholds, needed, layoffHeadroom(input));
  return {
    seriesJson: JSON.stringify(forecast),
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

/** A slice part that piscina moves (transfers its buffers) back to the main thread. */
export const movedPart = (part: SlicePart) =>
  move({
    get [transferableSymbol]() {
      return partBuffers(part);
    },
    get [valueSymbol]() {
      return part;
    },
  });

/** Runs a slice task or a merge task (the caller tells whole inputs apart). */
export const runTask = (task: Exclude<EngineTask, ForecastInput>): SlicePart | EngineResult =>
  task.task === 'slice'
    ? runSlice(task.input, task.slice)
    : shapeResult(task.input, mergeSlices(task.input, task.parts));
