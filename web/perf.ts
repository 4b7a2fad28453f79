/**
 * Performance marks from a lever's input to the chart redrawn with the forecast of that input
 * ("lever-to-redraw" measures). A redraw of an older forecast (the mean path shown while the
 * bands of the previous input are dropped) does not count: the forecast runner says which lever
 * input its forecast answers ({@link leverInputSeq}, {@link forecastReadyFor}).
 */
const INPUT_MARK = 'lever-input';
const READY_MARK = 'lever-forecast-ready';
let inputSeq = 0;
let readySeq = 0;
let measuredSeq = 0;

/** Call in a lever's input handler. */
export function markLeverInput(): void {
  inputSeq += 1;
  performance.mark(INPUT_MARK);
}

/** The latest lever input's number, for a forecast runner to remember with the input it starts. */
export const leverInputSeq = (): number => inputSeq;

/** Call when the engine job of lever input `seq` is posted: "lever-to-send" is the page's part before the worker. */
export function measureSend(seq: number): void {
  if (seq === inputSeq && seq > 0) performance.measure('lever-to-send', INPUT_MARK);
}

/** Call when the forecast of the input started at lever input `seq` is about to be shown. */
export function forecastReadyFor(seq: number): void {
  if (seq !== inputSeq) return;
  readySeq = seq;
  performance.mark(READY_MARK);
}

/**
 * Call after a chart has drawn new data; measures from the last lever input once its forecast is
 * drawn ("lever-to-redraw"), and to the start of the frame that paints it ("lever-to-frame");
 * "forecast-to-redraw" is the page's part, from the forecast's arrival to the drawn chart.
 */
export function measureRedraw(): void {
  if (inputSeq === 0 || readySeq !== inputSeq || measuredSeq === inputSeq) return;
  measuredSeq = inputSeq;
  performance.measure('lever-to-redraw', INPUT_MARK);
  performance.measure('forecast-to-redraw', READY_MARK);
  const seq = inputSeq;
  requestAnimationFrame(() => {
    if (seq === inputSeq) performance.measure('lever-to-frame', INPUT_MARK);
  });
}
