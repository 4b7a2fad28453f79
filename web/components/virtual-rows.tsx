import { type Accessor, createMemo, createSignal, onCleanup, onMount, Show } from 'solid-js';
import { endOnWholeRow } from './whole-rows';

/** Tables of up to this many rows render them all; longer ones only the rows in view. */
export const virtualAbove = 200;
/** Rows rendered beyond each edge of the view, so a fast scroll shows rows, not a gap. */
const overscan = 8;

export interface VirtualRows<T> {
  /** The rows to render now: all of a short list, else those in view. */
  visible: Accessor<readonly T[]>;
  /** aria-rowindex of the `i`-th visible row (the header row is 1). */
  rowIndex(i: number): number;
  /** aria-rowcount of the table: every row and the header row. */
  rowCount: Accessor<number>;
  /** Space (px) the rows not rendered take above and below the rendered ones. */
  before: Accessor<number>;
  after: Accessor<number>;
  /** Ref of the table's scroll container (which also ends on a whole row: {@link endOnWholeRow}). */
  ref(element: HTMLElement): void;
}

/**
 * Virtual rows for a table in a scroll container: only the rows in view (and a few beyond) are in
 * the DOM, with spacers for the rest, so a table of 10,000 teams scrolls like one of 40. Row height
 * is the average of the rows rendered (measured as the table scrolls); rows carry aria-rowindex
 * and the table aria-rowcount, so assistive technology still knows the whole table's size.
 */
export function createVirtualRows<T>(rows: Accessor<readonly T[]>, estimatePx = 40): VirtualRows<T> {
  const [top, setTop] = createSignal(0);
  const [view, setView] = createSignal(800);
  const [rowPx, setRowPx] = createSignal(estimatePx);
  let container: HTMLElement | undefined;
  const measure = () => {
    if (!container) return;
    setTop(container.scrollTop);
    setView(container.clientHeight);
    const rendered = container.querySelectorAll<HTMLElement>('tbody tr[aria-rowindex]');
    let sum = 0;
    for (const row of rendered) sum += row.offsetHeight;
    if (sum > 0) setRowPx(sum / rendered.length);
  };
  const range = createMemo(() => {
    const count = rows().length;
    if (count <= virtualAbove) return { start: 0, end: count };
    const start = Math.max(0, Math.floor(top() / rowPx()) - overscan);
    return { start, end: Math.min(count, Math.ceil((top() + view()) / rowPx()) + overscan) };
  });
  onMount(() => {
    window.addEventListener('resize', measure);
    requestAnimationFrame(measure);
  });
  onCleanup(() => {
    window.removeEventListener('resize', measure);
    container?.removeEventListener('scroll', measure);
  });
  return {
    visible: createMemo(() => rows().slice(range().start, range().end)),
    rowIndex: (i) => range().start + i + 2,
    rowCount: () => rows().length + 1,
    before: () => range().start * rowPx(),
    after: () => (rows().length - range().end) * rowPx(),
    ref(element) {
      container = element;
      element.addEventListener('scroll', measure, { passive: true });
      endOnWholeRow(element);
    },
  };
}

/** A spacer row standing for `px` of rows not rendered (nothing when 0). */
export function SpacerRow(props: { px: number; columns: number }) {
  return (
    <Show when={props.px > 0}>
      <tr class="spacer">
        <td colSpan={props.columns} style={{ height: `${props.px}px`, padding: '0', border: '0' }} />
      </tr>
    </Show>
  );
}
