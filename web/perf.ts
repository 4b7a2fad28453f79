/** Performance marks from a lever's input to the redrawn chart ("lever-to-redraw" measures). */
const INPUT_MARK = 'lever-input';
let awaiting = false;

/** Call in a lever's input handler. */
export function markLeverInput(): void {
  performance.mark(INPUT_MARK);
  awaiting = true;
}

/** Call after a chart has drawn new data; measures from the last lever input, once. */
export function measureRedraw(): void {
  if (!awaiting) return;
  awaiting = false;
  performance.measure('lever-to-redraw', INPUT_MARK);
}
