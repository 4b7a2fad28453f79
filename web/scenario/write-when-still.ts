/**
 * Calls `write` with the latest value once `quietMs` pass without a newer one: the address bar
 * follows a dragged slider when the drag stops instead of at every step (a history.replaceState
 * through the router took ~8 ms of the page's main thread per step in Chromium, while the engine
 * computes the step's forecast). `cancel` drops a pending write, e.g. when the page is left.
 */
export function writeWhenStill<T>(
  write: (value: T) => void,
  quietMs: number,
  timers: { set: (callback: () => void, ms: number) => unknown; clear: (handle: unknown) => void } = {
    set: (callback, ms) => setTimeout(callback, ms),
    clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  },
): { (value: T): void; cancel(): void } {
  let handle: unknown;
  const cancel = () => {
    if (handle !== undefined) timers.clear(handle);
    handle = undefined;
  };
  const schedule = (value: T) => {
    cancel();
    handle = timers.set(() => {
      handle = undefined;
      write(value);
    }, quietMs);
  };
  return Object.assign(schedule, { cancel });
}
