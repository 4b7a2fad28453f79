import type uPlot from 'uplot';

/** uPlot plugin: tells `onIndex` the data index under the cursor (null when it leaves the plot). */
export const cursorIndex = (onIndex: (index: number | null) => void): uPlot.Plugin => ({
  hooks: {
    setCursor: (u) => onIndex(u.cursor.idx ?? null),
  },
});

const steps: Record<string, (index: number, last: number) => number> = {
  ArrowRight: (i) => i + 1,
  ArrowLeft: (i) => i - 1,
  ArrowUp: (i) => i + 1,
  ArrowDown: (i) => i - 1,
  PageUp: (i) => i + 4,
  PageDown: (i) => i - 4,
  Home: () => 0,
  End: (_i, last) => last,
};

/**
 * Moves the cursor of `u` one week per arrow key (four per Page key, Home and End to the ends),
 * as hovering would; returns whether the key was one of these.
 */
export function moveCursorByKey(u: uPlot, key: string): boolean {
  const step = steps[key];
  if (!step) return false;
  const xs = u.data[0];
  const last = xs.length - 1;
  if (last < 0) return true;
  const current = u.cursor.idx ?? -1;
  const next = current < 0 ? (key === 'End' ? last : 0) : Math.min(last, Math.max(0, step(current, last)));
  const y = u.data.slice(1).find((s) => s[next] !== null && s[next] !== undefined)?.[next];
  const top = typeof y === 'number' ? u.valToPos(y, 'y') : u.bbox.height / 2;
  u.setCursor({ left: u.valToPos(xs[next]!, 'x'), top });
  return true;
}
