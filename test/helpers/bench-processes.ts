import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './free-port';
import { type RunningServer, startServer } from './running-server';
import { createTempDb, type TempDatabase } from './temp-db';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** An executable of node_modules/.bin. */
export const bin = (name: string): string => join(root, 'node_modules/.bin', name);

/** The bare Hono hello-world (test/helpers/hello-server.ts) in its own process, once it listens. */
export async function startHello(): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(bin('tsx'), ['test/helpers/hello-server.ts'], {
    cwd: root,
    env: { ...process.env, PORT: String(port) },
  });
  await new Promise<void>((resolve) =>
    child.stdout?.on('data', (d) => String(d).includes('listening') && resolve()),
  );
  return { url: `http://127.0.0.1:${port}/hello`, child };
}

/** The real server process on a temporary database (seeded with the demo org) and a stub web build. */
export async function startDemoServer(): Promise<{ server: RunningServer; database: TempDatabase }> {
  const database = await createTempDb({ migrate: false });
  const webDist = join(database.url.replace('file://', '').replace(/test\.db$/, ''), 'web');
  mkdirSync(webDist, { recursive: true });
  writeFileSync(join(webDist, 'index.html'), '<!doctype html><title>bench</title>');
  const server = await startServer({ DATABASE_URL: database.url, WEB_DIST: webDist });
  return { server, database };
}

/** A new API token of the demo org with `role`, from the token CLI on the database at `databaseUrl`. */
export function demoToken(databaseUrl: string, role: 'admin' | 'planner' | 'viewer'): string {
  const run = spawnSync(bin('tsx'), ['server/cli/token.ts', 'create', '--org', 'demo', '--role', role], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: 'utf8',
  });
  return run.stdout.trim().split('\n').at(-1) ?? '';
}
