/** A clock for `createApp` that stands still until a test moves it. */
export interface ManualClock {
  now: () => Date;
  /** Moves the clock forward by `ms`. */
  advance(ms: number): void;
}

export const minuteMs = 60 * 1000;
export const hourMs = 60 * minuteMs;
export const dayMs = 24 * hourMs;

/** A clock starting at `start`. */
export function manualClock(start = new Date('2026-03-02T09:00:00Z')): ManualClock {
  let t = start.getTime();
  return {
    now: () => new Date(t),
    advance: (ms) => {
      t += ms;
    },
  };
}
