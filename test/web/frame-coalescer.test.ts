import { describe, expect, it } from 'vitest';
import { coalescePerFrame } from '../../web/scenario/frame-coalescer';

/** A hand-run frame clock: `tick()` runs the callbacks queued for the next frame. */
const frames = () => {
  let queued: (() => void)[] = [];
  return {
    next: (callback: () => void) => queued.push(callback),
    tick() {
      const now = queued;
      queued = [];
      for (const callback of now) callback();
    },
  };
};

/** A coalescer of lever changes on a hand-run frame clock, recording what it applies. */
const recorded = () => {
  const clock = frames();
  const applied: object[] = [];
  const push = coalescePerFrame(
    (change: { layoff?: number; ai?: number }) => applied.push(change),
    clock.next,
  );
  return { clock, applied, push };
};

describe('coalescePerFrame', () => {
  it('applies a lone change at once, without waiting for a frame', () => {
    const clock = frames();
    const applied: object[] = [];
    const push = coalescePerFrame((change: { layoff?: number }) => applied.push(change), clock.next);
    push({ layoff: 5 });
    expect(applied).toEqual([{ layoff: 5 }]);
    clock.tick();
    expect(applied).toEqual([{ layoff: 5 }]);
  });

  it('merges the changes of one frame into one, later values winning, applied at the next frame', () => {
    const { clock, applied, push } = recorded();
    push({ layoff: 1 });
    push({ layoff: 2 });
    push({ ai: 40 });
    push({ layoff: 3 });
    expect(applied).toEqual([{ layoff: 1 }]);
    clock.tick();
    expect(applied).toEqual([{ layoff: 1 }, { layoff: 3, ai: 40 }]);
    push({ layoff: 4 });
    expect(applied).toHaveLength(2);
    clock.tick();
    expect(applied).toEqual([{ layoff: 1 }, { layoff: 3, ai: 40 }, { layoff: 4 }]);
    clock.tick();
    push({ ai: 50 });
    expect(applied.at(-1)).toEqual({ ai: 50 });
  });
});

describe('coalescePerFrame flush', () => {
  it('applies the merged changes at once, and the frame then applies nothing more', () => {
    const { clock, applied, push } = recorded();
    push({ layoff: 1 });
    push({ layoff: 2 });
    push({ ai: 40 });
    push.flush();
    expect(applied).toEqual([{ layoff: 1 }, { layoff: 2, ai: 40 }]);
    push.flush();
    clock.tick();
    expect(applied).toHaveLength(2);
  });
});
