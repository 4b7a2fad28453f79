import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/db/client';
import { engineers, teams } from '../../server/db/schema';
import { type RunningServer, startServer } from '../helpers/running-server';
import { createTempDb, type TempDatabase } from '../helpers/temp-db';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));
const tsx = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));

describe('npm run backup', () => {
  let database: TempDatabase | undefined;
  const servers: RunningServer[] = [];
  afterEach(async () => {
    for (const server of servers.splice(0)) await server.stop('SIGKILL');
    database?.cleanup();
    database = undefined;
  });

  it('writes a consistent copy while the app is serving, and the copy restores into a working app', async () => {
    database = await createTempDb({ migrate: false });
    const live = await startServer({ DATABASE_URL: database.url });
    servers.push(live);
    const target = join(fileURLToPath(new URL('.', database.url)), 'backup.db');

    let serving = true;
    const load = (async () => {
      let answered = 0;
      while (serving) {
        const response = await fetch(`${live.url}/api/v1/health`);
        expect(response.status).toBe(200);
        answered += 1;
      }
      return answered;
    })();
    const backup = await run(tsx, ['server/cli/backup.ts', '--out', target], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: database.url },
    });
    serving = false;
    expect(await load).toBeGreaterThan(0);
    expect(backup.stdout.trim().split('\n').at(-1)).toBe(target);
    expect(backup.stdout).toContain('integrity ok');

    const copyUrl = pathToFileURL(target).href;
    const copy = await openDatabase(copyUrl);
    try {
      expect(await copy.db.$count(teams)).toBe(await database.db.$count(teams));
      expect(await copy.db.$count(engineers)).toBe(await database.db.$count(engineers));
    } finally {
      copy.close();
    }
    const restored = await startServer({ DATABASE_URL: copyUrl });
    servers.push(restored);
    expect(restored.output()).not.toContain('Seeded');
    expect((await fetch(`${restored.url}/api/v1/health`)).status).toBe(200);
  });

  it('refuses to overwrite an existing file and exits 1', async () => {
    database = await createTempDb();
    const target = fileURLToPath(database.url);
    const attempt = run(tsx, ['server/cli/backup.ts', '--out', target], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: database.url },
    });
    await expect(attempt).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('already exists'),
    });
  });
});
