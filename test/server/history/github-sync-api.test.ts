import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, githubSettings } from '../../../server/db/schema';
import { bearer, createOrgFixture, type OrgFixture, sendJson } from '../../helpers/api-fixture';
import { type AppServer, startAppServer } from '../../helpers/app-server';
import { type CapturedLog, captureLog } from '../../helpers/captured-log';
import { type FakeGithub, startFakeGithub } from '../../helpers/fake-github';

const token = 'ghp_apiSecret0123456789abcdefghijklmnopqrs';

let server: AppServer;
let github: FakeGithub;
let org: OrgFixture;
let log: CapturedLog;
const base = () => `${server.url}/api/v1/orgs/gh`;
const admin = () => bearer(org.tokens.admin);

beforeAll(async () => {
  github = await startFakeGithub({ token });
  github.pulls.push(
    {
      number: 1,
      login: 'ann',
      created: '2024-01-01T09:00:00Z',
      updated: '2024-01-02T09:00:00Z',
      merged: '2024-01-02T09:00:00Z',
      additions: 3,
    },
    { number: 2, login: 'bob', created: '2024-01-03T09:00:00Z', updated: '2024-01-03T09:00:00Z' },
  );
  log = captureLog('trace');
  server = await startAppServer({
    env: { GITHUB_TOKEN_KEY: randomBytes(32).toString('base64'), LOG_LEVEL: 'trace' },
    logger: log.logger,
  });
  org = await createOrgFixture(server.database.db, 'gh');
});

afterAll(async () => {
  await server.close();
  await github.close();
});

const settings = () => ({
  baseUrl: github.baseUrl,
  token,
  schedule: '0 6 * * *',
  timezone: 'UTC',
  repositories: [{ repo: 'octo/app', team: 'App' }],
});

async function untilFinished(job: string) {
  for (;;) {
    const view = await (await fetch(`${base()}/history/imports/${job}`, { headers: admin() })).json();
    if (view.status !== 'running') return view;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('GitHub sync API', () => {
  it('stores the token encrypted and never returns it', async () => {
    const saved = await sendJson(`${base()}/history/github/settings`, 'PUT', settings(), admin());
    const body = await saved.text();
    expect(saved.status, body).toBe(200);
    expect(JSON.parse(body)).toMatchObject({
      tokenSet: true,
      schedule: '0 6 * * *',
      repositories: [{ repo: 'octo/app', team: 'App' }],
    });
    const read = await (await fetch(`${base()}/history/github/settings`, { headers: admin() })).text();
    expect(body + read).not.toContain(token);
    const [row] = await server.database.db.select().from(githubSettings);
    expect(row!.tokenCiphertext).toMatch(/^v1\./);
    expect(row!.tokenCiphertext).not.toContain(token);
    const file = fileURLToPath(server.database.url);
    const bytes = [file, `${file}-wal`]
      .filter(existsSync)
      .map((f) => readFileSync(f).toString('latin1'))
      .join('');
    expect(bytes).not.toContain(token);
    const audits = JSON.stringify(await server.database.db.select().from(auditLog));
    expect(audits).toContain('github-settings');
    expect(audits).not.toContain(token);
  });

  it('syncs on demand as a job, sending the token to GitHub only, and shows the state afterwards', async () => {
    const saved = await sendJson(`${base()}/history/github/settings`, 'PUT', settings(), admin());
    expect(saved.status).toBe(200);
    const started = await sendJson(`${base()}/history/github/sync`, 'POST', {}, admin());
    expect(started.status).toBe(202);
    const job = await untilFinished((await started.json()).job);
    expect(job).toMatchObject({
      status: 'done',
      result: { repositories: [{ repo: 'octo/app', status: 'ok', pulls: 2, changes: 2 }] },
    });
    expect(github.requests.map((r) => r.authorization)).toEqual(github.requests.map(() => `token ${token}`));
    const state = await (await fetch(`${base()}/history/github/settings`, { headers: admin() })).json();
    expect(state.repositories[0]).toMatchObject({
      lastStatus: 'ok',
      pullsRead: 2,
      syncedThrough: '2024-01-03T09:00:00.000Z',
      resumePage: null,
    });
    const overview = await (await fetch(`${base()}/history`, { headers: admin() })).json();
    expect(overview.sources).toContainEqual(
      expect.objectContaining({ kind: 'github', name: 'octo/app', team: 'App', changes: 2 }),
    );
    expect(overview.github.repositories[0].lastStatus).toBe('ok');
    expect(log.text()).not.toContain(token);
  });

  it('names the field at fault: a schedule that is not cron, a repository not owner/repo', async () => {
    const bad = await sendJson(
      `${base()}/history/github/settings`,
      'PUT',
      { ...settings(), schedule: 'often', repositories: [{ repo: 'app' }] },
      admin(),
    );
    expect(bad.status).toBe(422);
    const problem = await bad.json();
    expect(problem.errors.map((e: { path: string }) => e.path)).toEqual(['repositories[0].repo']);
    const cron = await sendJson(
      `${base()}/history/github/settings`,
      'PUT',
      { ...settings(), schedule: 'often' },
      admin(),
    );
    expect(cron.status).toBe(422);
    expect((await cron.json()).errors[0].path).toBe('schedule');
  });
});

describe('GitHub sync API without GITHUB_TOKEN_KEY', () => {
  it('refuses to store a token (422 on token) and stores settings without one', async () => {
    const plain = await startAppServer();
    try {
      const own = await createOrgFixture(plain.database.db, 'nokey');
      const url = `${plain.url}/api/v1/orgs/nokey/history/github/settings`;
      const refused = await sendJson(url, 'PUT', settings(), bearer(own.tokens.admin));
      expect(refused.status).toBe(422);
      expect((await refused.json()).errors).toEqual([
        { path: 'token', message: 'the server has no GITHUB_TOKEN_KEY to encrypt it with' },
      ]);
      const { token: _omitted, ...withoutToken } = settings();
      const saved = await sendJson(url, 'PUT', withoutToken, bearer(own.tokens.admin));
      expect(await saved.json()).toMatchObject({ tokenSet: false });
    } finally {
      await plain.close();
    }
  });
});
