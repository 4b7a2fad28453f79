import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { eventLoopTurns, turnTimeLeft } from '../../server/middleware/event-loop-turns';

/** Occupies the thread for `ms`, like a handler on the synchronous embedded database. */
const busy = (ms: number) => {
  const until = performance.now() + ms;
  while (performance.now() < until);
};

/** A request to `app` as a promise (Hono answers `Response | Promise<Response>`). */
const get = (app: Hono, path: string) => Promise.resolve(app.request(path));

/** `/io` waits for `ioDone` (or 2 s at most): I/O that completes when the test says so. */
function gatedApp(ioDone: Promise<unknown> = Promise.resolve(), budgetMs = 5) {
  const app = new Hono();
  app.use('*', eventLoopTurns(budgetMs));
  app.get('/sync', (c) => {
    busy(2);
    return c.text('sync');
  });
  app.get('/io', async (c) => {
    await Promise.race([ioDone, new Promise((resolve) => setTimeout(resolve, 2000))]);
    return c.text('io');
  });
  return app;
}

describe('eventLoopTurns', () => {
  it('lets the event loop run timers (and accept connections) while a backlog of synchronous requests is worked off', async () => {
    const app = gatedApp();
    const events: string[] = [];
    const requests = Array.from({ length: 40 }, (_, i) =>
      get(app, '/sync').then(() => events.push(`request ${i}`)),
    );
    setTimeout(() => events.push('timer'), 0);
    await Promise.all(requests);
    // 40 requests x 2 ms: without turns the timer fires only after all of them are answered.
    const timer = events.indexOf('timer');
    expect(timer).toBeGreaterThanOrEqual(0);
    expect(timer).toBeLessThan(8);
  });

  it('answers a backlog within one turn while the turn’s budget lasts', async () => {
    // 10 requests x 2 ms stay well inside a 1 s budget: the loop does not get a turn in between.
    const app = gatedApp(Promise.resolve(), 1000);
    const events: string[] = [];
    const requests = Array.from({ length: 10 }, (_, i) =>
      get(app, '/sync').then(() => {
        events.push(`request ${i}`);
        // Once the turn has begun: a timer fires only when the loop gets its next turn.
        if (i === 0) setTimeout(() => events.push('timer'), 0);
      }),
    );
    await Promise.all(requests);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(events.indexOf('timer')).toBe(10);
  });

  it('answers synchronous requests in arrival order', async () => {
    const app = gatedApp();
    const done: number[] = [];
    await Promise.all(Array.from({ length: 20 }, (_, i) => get(app, '/sync').then(() => done.push(i))));
    expect(done).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });

  it('does not hold the queue for a request that waits for I/O', async () => {
    // The I/O completes once the five requests behind it are answered: a queue held by the waiting
    // request answers it first (after 2 s), on a machine of any speed.
    let syncsAnswered = () => {};
    const app = gatedApp(new Promise<void>((resolve) => (syncsAnswered = resolve)));
    const done: string[] = [];
    const slow = get(app, '/io').then(() => done.push('io'));
    const fast = Array.from({ length: 5 }, () => get(app, '/sync').then(() => done.push('sync')));
    await Promise.all(fast).then(syncsAnswered);
    await slow;
    expect(done).toEqual(['sync', 'sync', 'sync', 'sync', 'sync', 'io']);
  });
});

describe('turnTimeLeft', () => {
  it('gives work done at once its budget from the first call of a turn, and the next turn the budget again', async () => {
    // A budget far above the time between two calls in a row, even on a loaded machine.
    const timeLeft = turnTimeLeft(100);
    const [first, second] = [timeLeft(), timeLeft()];
    busy(101);
    expect([first, second, timeLeft()]).toEqual([true, true, false]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(timeLeft()).toBe(true);
  });
});
