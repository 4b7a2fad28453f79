import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../helpers/running-server';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** What a deployment copies from a built checkout: nothing else reaches the production folder. */
const shipped = ['dist', 'drizzle', 'package.json', 'package-lock.json'];

describe('production install (built dist/, dependencies without dev dependencies)', () => {
  let folder: string;
  let server: RunningServer | undefined;
  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'reviewload-production-'));
    for (const path of shipped) cpSync(join(root, path), join(folder, path), { recursive: true });
    execFileSync('npm', ['ci', '--omit=dev', '--no-audit', '--no-fund', '--prefer-offline'], {
      cwd: folder,
      stdio: 'ignore',
    });
  }, 180_000);
  afterAll(async () => {
    await server?.stop('SIGKILL');
    rmSync(folder, { recursive: true, force: true });
  });

  it('holds neither Vite nor tsx, so start-up cannot load them', () => {
    expect(existsSync(join(folder, 'node_modules/hono'))).toBe(true);
    expect(existsSync(join(folder, 'node_modules/vite'))).toBe(false);
    expect(existsSync(join(folder, 'node_modules/tsx'))).toBe(false);
  });

  it('starts node dist/server/index.js, migrates a new database and serves health, the app shell and the API explorer', async () => {
    server = await startServer({ DATABASE_URL: `file:${join(folder, 'production.db')}` }, { cwd: folder });
    const health = await fetch(`${server.url}/api/v1/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok', db: 'ok', version: '0.1.0' });
    const page = await fetch(`${server.url}/scenarios`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root"></div>');
    const explorer = await fetch(`${server.url}/api/docs/swagger-ui-bundle.js`);
    expect(explorer.status).toBe(200);
  });
});
