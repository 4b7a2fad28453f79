import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { turnBatchedLines } from '../../server/turn-batched-lines';
import { bin } from '../helpers/bench-processes';

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

/**
 * Runs `code` (TypeScript, from the project folder) in a new process, with `nodeFlags`; its exit
 * code and standard output, one JSON value a line.
 */
const runScript = (code: string, nodeFlags: string[] = []) => {
  const run = spawnSync(bin('tsx'), [...nodeFlags, '--eval', code], { encoding: 'utf8' });
  return {
    status: run.status,
    lines: run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line)),
  };
};

describe('turn-batched log lines', () => {
  it('sends the lines of one event-loop turn in one write, in order, once the turn is over', async () => {
    const writes: string[] = [];
    const destination = turnBatchedLines({ write: (text: string) => writes.push(text) });
    destination.write('{"n":1}\n');
    destination.write('{"n":2}\n');
    expect(writes).toEqual([]);
    await nextTurn();
    expect(writes).toEqual(['{"n":1}\n{"n":2}\n']);
    destination.write('{"n":3}\n');
    await nextTurn();
    expect(writes).toEqual(['{"n":1}\n{"n":2}\n', '{"n":3}\n']);
  });

  it('writes the last lines of a process that calls process.exit in the same turn', () => {
    const run = runScript(
      "import { createLogger } from './server/logger'; createLogger('info').info({ n: 1 }, 'last words'); process.exit(3);",
    );
    expect(run.status).toBe(3);
    expect(run.lines).toMatchObject([{ level: 30, n: 1, msg: 'last words' }]);
  });

  it('adds one exit listener to the process however many destinations are made', () => {
    turnBatchedLines({ write: () => undefined });
    const listeners = process.listenerCount('exit');
    const destinations = Array.from({ length: 50 }, () => turnBatchedLines({ write: () => undefined }));
    for (const destination of destinations) destination.write('{"n":1}\n');
    expect(process.listenerCount('exit')).toBe(listeners);
  });

  it('writes the pending lines of every destination when the process exits in the same turn', () => {
    const run = runScript(
      "import { turnBatchedLines } from './server/turn-batched-lines'; const a = turnBatchedLines(); const b = turnBatchedLines(); a.write('{\"n\":1}\\n'); b.write('{\"n\":2}\\n'); a.write('{\"n\":3}\\n'); process.exit(4);",
    );
    expect(run.status).toBe(4);
    expect(run.lines).toEqual([{ n: 1 }, { n: 3 }, { n: 2 }]);
  });

  it('keeps no destination or its sink alive once its lines are written', () => {
    const run = runScript(
      [
        "import { turnBatchedLines } from './server/turn-batched-lines';",
        'let sink: { write(text: string): void } | undefined = { write: () => undefined };',
        'let destination: { write(line: string): void } | undefined = turnBatchedLines(sink);',
        "destination.write('line\\n');",
        'const ref = new WeakRef(sink);',
        'sink = undefined;',
        'destination = undefined;',
        'setImmediate(() => setTimeout(() => { globalThis.gc?.(); console.log(JSON.stringify({ collected: ref.deref() === undefined })); }, 0));',
      ].join('\n'),
      ['--expose-gc'],
    );
    expect(run.lines).toEqual([{ collected: true }]);
  });

  it('writes the last lines of a process that an uncaught error ends in the same turn', () => {
    const run = runScript(
      "import { createLogger } from './server/logger'; const log = createLogger('info'); log.info('one'); log.warn('two'); throw new Error('boom');",
    );
    expect(run.status).toBe(1);
    expect(run.lines).toMatchObject([
      { level: 30, msg: 'one' },
      { level: 40, msg: 'two' },
    ]);
  });
});
