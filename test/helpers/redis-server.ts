import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freePort } from './free-port';

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface RunningProcess {
  process: ChildProcess;
  /** Everything it printed so far (stdout and stderr). */
  output(): string;
  /** Sends `signal` (SIGTERM by default) and resolves once the process has exited. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** Spawns a process, keeps its output, and resolves once it prints `ready` (or rejects if it exits first). */
async function spawnUntil(command: string, args: string[], env: Record<string, string>, ready: RegExp) {
  const child = spawn(command, args, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const read = (chunk: Buffer) => {
      log += chunk;
      if (ready.test(log)) resolve();
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => reject(new Error(`${command} exited with ${code}:\n${log}`)));
  });
  return {
    process: child,
    output: () => log,
    stop: async (signal: NodeJS.Signals = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  } satisfies RunningProcess;
}

/** A throwaway redis-server (Debian's) on a free loopback port, nothing saved to disk. */
export async function startRedis(): Promise<RunningProcess & { url: string }> {
  const port = await freePort();
  const redis = await spawnUntil(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {},
    /Ready to accept connections/,
  );
  return { ...redis, url: `redis://127.0.0.1:${port}` };
}

/** A compiled slice worker process (dist/server/slice-worker.js, built by the global setup) on `redisUrl`. */
export const startSliceWorkerProcess = (redisUrl: string, env: Record<string, string> = {}) =>
  spawnUntil(
    process.execPath,
    ['dist/server/slice-worker.js'],
    { REDIS_URL: redisUrl, FORECAST_THREADS: '1', ...env },
    /slice worker \d+ ready/,
  );
