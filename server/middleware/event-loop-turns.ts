import { createMiddleware } from 'hono/factory';

/** A settled promise: its `then` queues a microtask. */
const resolved = Promise.resolve();

/** Most handler time (ms) one event-loop turn spends before it lets the loop poll again. */
export const turnBudgetMs = 5;

/**
 * Runs requests in arrival order, at most {@link turnBudgetMs} of handler time per event-loop
 * turn, so the loop keeps polling while a backlog is worked off.
 *
 * Why: libuv accepts ONE new connection per loop turn (libuv 1.45+, "don't accept() connections
 * in a loop"), and the embedded database answers synchronously, so a turn that runs every ready
 * request to the end lasts (ready requests) x (cost of one). Under 200 busy connections that was
 * 250-600 ms per turn: new connections then sat in the kernel's accept queue for seconds, and
 * clients timed out (>10 s) while the accepted ones were answered in well under a second.
 *
 * How: requests queue in arrival order and are released from a `setImmediate` (so the loop has
 * polled in between). A released request runs until it finishes or waits for I/O (a body upload,
 * an engine run on the worker pool); then the next is released at once while the turn's budget
 * lasts, else on the next turn. A request waiting for I/O does not hold the queue.
 */
export function eventLoopTurns(budgetMs = turnBudgetMs) {
  const waiting: { id: symbol; resolve: () => void }[] = [];
  let turnStarted = 0;
  /** The request released last, while its synchronous part may still be running. */
  let running: symbol | undefined;
  let scheduled = false;

  const releaseNext = () => {
    running = undefined;
    if (waiting.length === 0) return;
    // Stryker disable next-line EqualityOperator: > differs only when the time spent equals the budget to the last bit of the clock's fraction
    if (performance.now() - turnStarted >= budgetMs) return schedule();
    const { id, resolve } = waiting.shift()!;
    running = id;
    resolve();
    // A tick queued from a microtask runs once the microtasks have drained: by then the request
    // has finished (and released the next) or it waits for I/O, and the next one may start. The
    // microtask is a resolved promise's: Node's queueMicrotask makes an async resource per call.
    // Stryker disable next-line ConditionalExpression: a release from the tick of a request that already released the next comes in the same turn and keeps arrival order
    resolved.then(() => process.nextTick(() => running === id && releaseNext()));
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(() => {
      scheduled = false;
      turnStarted = performance.now();
      releaseNext();
    });
  };

  return createMiddleware(async (_c, next) => {
    const id = Symbol('request');
    await new Promise<void>((resolve) => {
      waiting.push({ id, resolve });
      // Stryker disable next-line ConditionalExpression: requests arrive from I/O callbacks, after every released request's tick has cleared running, so the check passes there; schedule() is idempotent
      if (running === undefined) schedule();
    });
    try {
      await next();
    } finally {
      // Stryker disable next-line ConditionalExpression,EqualityOperator: a release from a request that is not the one running moves the next one earlier within the budget, never out of arrival order
      if (running === id) releaseNext();
    }
  });
}

/**
 * Whether work done at once, outside the queue of {@link eventLoopTurns}, may go on in this
 * event-loop turn: true until `budgetMs` have passed since the turn's first call (a setImmediate
 * starts the clock again for the next turn), so such work, too, leaves the loop to poll.
 */
export function turnTimeLeft(budgetMs = turnBudgetMs): () => boolean {
  let started: number | undefined;
  return () => {
    const now = performance.now();
    if (started === undefined) {
      started = now;
      setImmediate(() => {
        started = undefined;
      });
    }
    return now - started < budgetMs;
  };
}
