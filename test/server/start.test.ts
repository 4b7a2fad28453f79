import { spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { engineers, orgs, teams, users } from '../../server/db/schema';
import { type RunningServer, serverCommand, startServer } from '../helpers/running-server';
import { createTempDb, type TempDatabase } from '../helpers/temp-db';

const root = fileURLToPath(new URL('../..', import.meta.url));

function startExpectingFailure(env: Record<string, string>) {
  return spawnSync(process.execPath, serverCommand, {
    cwd: root,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('server start-up', () => {
  let database: TempDatabase | undefined;
  let server: RunningServer | undefined;
  const servers: RunningServer[] = [];
  afterEach(async () => {
    await server?.stop('SIGKILL');
    for (const extra of servers.splice(0)) await extra.stop('SIGKILL');
    database?.cleanup();
    server = undefined;
    database = undefined;
  });

  it('migrates a new database file, seeds the demo org once and serves health and the app', async () => {
    database = await createTempDb({ migrate: false });
    server = await startServer({ DATABASE_URL: database.url });
    expect(server.output()).toContain('Seeded the demo org');
    expect(server.output()).toMatch(/listening on http:\/\/localhost:\d+/);
    const page = await fetch(`${server.url}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root"></div>');
    expect(await server.stop()).toBe(0);

    server = await startServer({ DATABASE_URL: database.url });
    expect(server.output()).not.toContain('Seeded');
    expect(await database.db.$count(orgs)).toBe(1);
    expect(await database.db.$count(teams)).toBe(40);
    expect(await database.db.$count(engineers)).toBeGreaterThan(1_800);
    expect(await database.db.$count(engineers)).toBeLessThan(2_300);
  });

  it('seeds the demo org and its admin once when two servers start together on a new database', async () => {
    database = await createTempDb({ migrate: false });
    const env = {
      DATABASE_URL: database.url,
      ADMIN_EMAIL: 'first@example.com',
      ADMIN_PASSWORD: 'twelve chars ok',
    };
    const both = await Promise.all([startServer(env), startServer(env)]);
    servers.push(...both);
    expect(await database.db.$count(orgs)).toBe(1);
    expect(await database.db.$count(users)).toBe(1);
    expect(both.filter((s) => s.output().includes('Seeded the demo org'))).toHaveLength(1);
  });

  it('stops with exit code 1 and one line naming PORT when PORT is invalid', () => {
    const run = startExpectingFailure({ PORT: 'eighty' });
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe('Invalid configuration: PORT: must be a number');
  });

  it('stops with exit code 1 and one line naming PORT when the port is taken', async () => {
    const holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = holder.address() as { port: number };
      database = await createTempDb();
      const run = startExpectingFailure({
        PORT: String(port),
        HOST: '127.0.0.1',
        DATABASE_URL: database.url,
      });
      expect(run.status).toBe(1);
      expect(run.stderr.trim()).toBe(`Invalid configuration: PORT: 127.0.0.1:${port} is already in use`);
    } finally {
      holder.close();
    }
  });

  it('stops with exit code 1 and one line naming DATABASE_URL when the database is unreachable', () => {
    const run = startExpectingFailure({ DATABASE_URL: 'file:/etc/hostname/reviewload.db' });
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^Invalid configuration: DATABASE_URL: cannot reach the database/);
  });

  it('shuts down on SIGTERM with exit code 0', async () => {
    database = await createTempDb();
    server = await startServer({ DATABASE_URL: database.url });
    expect(await server.stop('SIGTERM')).toBe(0);
    expect(server.output()).toContain('SIGTERM received');
  });
});
