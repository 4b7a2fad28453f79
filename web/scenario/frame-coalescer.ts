/**
 * Coalesces changes per animation frame: the first change applies at once (no added delay for a
 * single slider step); later ones before the next frame merge (later keys win) and apply together
 * at that frame. A dragged slider fires several input events per frame; this way the editor's state,
 * the address and the engine get at most two updates per frame instead of one per event.
 * `flush()` applies the merged changes now (a released slider's last value, without waiting for
 * the frame).
 */
export function coalescePerFrame<T extends object>(
  apply: (change: T) => void,
  nextFrame: (callback: () => void) => unknown = requestAnimationFrame,
): ((change: T) => void) & { flush(): void } {
  let framePending = false;
  let merged: T | null = null;
  const open = () => {
    framePending = true;
    nextFrame(flush);
  };
  const flush = () => {
    framePending = false;
    const change = merged;
    merged = null;
    if (!change) return;
    apply(change);
    open();
  };
  const push = (change: T) => {
    if (framePending) {
      merged = { ...merged, ...change } as T;
      return;
    }
    apply(change);
    open();
  };
  const flushNow = () => {
    const change = merged;
    merged = null;
    if (change) apply(change);
  };
  return Object.assign(push, { flush: flushNow });
}
