import { createSignal } from 'solid-js';

/** Edits closer together than this (a slider drag, typing) undo as one step. */
const coalesceMs = 600;

/**
 * A value with undo and redo. `set` records the value it replaces, except when it follows the
 * previous `set` within {@link coalesceMs} (one drag of a slider is one step).
 */
export function createUndoHistory<T>(initial: T, now: () => number = () => performance.now()) {
  const [value, setValue] = createSignal<T>(initial);
  const [past, setPast] = createSignal<T[]>([]);
  const [future, setFuture] = createSignal<T[]>([]);
  let lastSetAt = Number.NEGATIVE_INFINITY;
  return {
    value,
    canUndo: () => past().length > 0,
    canRedo: () => future().length > 0,
    set(next: T) {
      const at = now();
      if (at - lastSetAt > coalesceMs || past().length === 0) setPast([...past(), value()]);
      lastSetAt = at;
      setFuture([]);
      setValue(() => next);
    },
    undo() {
      const previous = past().at(-1);
      if (previous === undefined) return;
      setPast(past().slice(0, -1));
      setFuture([value(), ...future()]);
      setValue(() => previous);
      lastSetAt = Number.NEGATIVE_INFINITY;
    },
    redo() {
      const [next, ...rest] = future();
      if (next === undefined) return;
      setFuture(rest);
      setPast([...past(), value()]);
      setValue(() => next);
      lastSetAt = Number.NEGATIVE_INFINITY;
    },
  };
}
