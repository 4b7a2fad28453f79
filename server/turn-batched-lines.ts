import type { DestinationStream } from 'pino';

/** Where batched lines go: process.stdout, or any stream with a write. */
export interface LineSink {
  write(text: string): unknown;
}

/** A destination's lines of the turn in progress, not yet written. */
interface Batch {
  sink: LineSink;
  lines: string[];
}

/**
 * The batches that hold lines now. A batch is here from its turn's first line until its write,
 * so the one `exit` listener below finds every line not yet written, and a logger no longer used
 * (one per app server in the test suite) is not kept alive by it.
 */
const pending = new Set<Batch>();
let exitListener = false;

const flush = (batch: Batch) => {
  pending.delete(batch);
  if (batch.lines.length === 0) return;
  const text = batch.lines.join('');
  batch.lines = [];
  batch.sink.write(text);
};

const flushAll = () => {
  for (const batch of pending) flush(batch);
};

/**
 * A log destination that sends the lines of one event-loop turn in one write: the first line of
 * a turn schedules the write from a `setImmediate`, which runs once the turn's callbacks (the
 * requests eventLoopTurns released in it) are done; lines left when the process exits
 * (process.exit, an uncaught error, the end of the event loop) are written from its `exit` event,
 * one listener for every such destination of the process.
 *
 * Why: each request's line written alone to process.stdout (a pipe, written at once) was a
 * quarter of the server's CPU for a cached capacity report at 200 connections, most of it one
 * system call per line. A turn's lines now share one; a line waits at most until the end of the
 * turn it was logged in. Only a kill -9 loses lines, those of the turn in progress.
 */
export function turnBatchedLines(sink: LineSink = process.stdout): DestinationStream {
  if (!exitListener) {
    exitListener = true;
    process.on('exit', flushAll);
  }
  const batch: Batch = { sink, lines: [] };
  const write = () => flush(batch);
  return {
    write(line: string) {
      if (batch.lines.push(line) === 1) {
        pending.add(batch);
        setImmediate(write);
      }
    },
  };
}
