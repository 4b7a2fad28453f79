import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freePort } from './free-port';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Node arguments that run the compiled server (built into dist/ by the global setup) as ONE
 * process: a signal, SIGKILL included, reaches the server itself.
 */
export const serverCommand = ['--enable-source-maps', 'dist/server/index.js'];

export interface RunningServer {
  url: string;
  process: ChildProcess;
  /** Everything the process printed so far (stdout and stderr). */
  output(): string;
  /** Sends `signal` (SIGTERM by default) and resolves with the exit code once the process has exited. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Exit output of a server whose port another process took between {@link freePort} and its listen. */
const portTaken = /PORT: \S+ is already in use/;

/**
 * Starts the real compiled server (`dist/server/index.js`) as its own process on a free port and
 * waits until `/api/v1/health` answers. `env` adds to the parent's environment (e.g.
 * DATABASE_URL; FORECAST_WARM_UP is `false` unless given, so no test shares its cores with a boot
 * forecast it did not ask for); `cwd` is the project folder to run in (this checkout by default). Test files run
 * in parallel, so another process may take the free port before the server listens: the server
 * then exits naming PORT, and it is started again on another free port (up to 3 times).
 */
export async function startServer(
  env: Record<string, string>,
  { cwd = root, timeoutMs = 60_000 }: { cwd?: string; timeoutMs?: number } = {},
): Promise<RunningServer> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnFreePort(env, cwd, timeoutMs);
    } catch (error) {
      if (attempt === 3 || !(error instanceof Error && portTaken.test(error.message))) throw error;
    }
  }
}

async function startOnFreePort(env: Record<string, string>, cwd: string, timeoutMs: number) {
  const port = await freePort();
  const child = spawn(process.execPath, serverCommand, {
    cwd,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), FORECAST_WARM_UP: 'false', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout?.on('data', (chunk) => {
    log += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    log += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const server: RunningServer = {
    url,
    process: child,
    output: () => log,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${log}`);
    // On a connection the server closes after answering: a kept-alive one could be reused by the
    // caller's first request just as the server's keep-alive timeout closes it ("other side closed").
    const healthy = await fetch(`${url}/api/v1/health`, { headers: { connection: 'close' } }).then(
      (r) => r.ok,
      () => false,
    );
    if (healthy) return server;
    await new Promise((r) => setTimeout(r, 100));
  }
  await server.stop('SIGKILL');
  throw new Error(`server did not become healthy within ${timeoutMs} ms:\n${log}`);
}
