import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  bearer,
  createOrgFixture,
  fixturePassword,
  type OrgFixture,
  sendJson,
} from '../../helpers/api-fixture';
import { type AppServer, startAppServer } from '../../helpers/app-server';

let server: AppServer;
let org: OrgFixture;

beforeAll(async () => {
  server = await startAppServer({ env: { LOG_LEVEL: 'trace' } });
  org = await createOrgFixture(server.database.db, 'logs');
});
afterAll(async () => {
  await server.close();
});

/**
 * Everything written to the console and to stdout/stderr while `run` runs, and after it until
 * `done` holds of the output (at most 5 s): request lines are written at the end of their
 * event-loop turn (server/turn-batched-lines.ts), which may come after the client has its response.
 */
async function captureOutput(run: () => Promise<void>, done: (output: string) => boolean): Promise<string> {
  const lines: string[] = [];
  const record = (...args: unknown[]) => {
    lines.push(args.map(String).join(' '));
    return true;
  };
  const spies = [
    ...(['log', 'info', 'warn', 'error', 'debug'] as const).map((m) =>
      vi.spyOn(console, m).mockImplementation(record),
    ),
    vi.spyOn(process.stdout, 'write').mockImplementation(record),
    vi.spyOn(process.stderr, 'write').mockImplementation(record),
  ];
  try {
    await run();
    for (const until = Date.now() + 5_000; !done(lines.join('\n')) && Date.now() < until; )
      await new Promise((resolve) => setTimeout(resolve, 10));
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
  return lines.join('\n');
}

const serverFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? serverFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );

/** Whether an output holds `count` request lines. */
const requestLines = (count: number) => (output: string) =>
  (output.match(/"msg":"request"/g)?.length ?? 0) >= count;

describe('no secrets in logs', () => {
  it('logs neither the password, the token nor the session of failed and good logins, token creation and a failed request', async () => {
    const secrets: string[] = ['Wrong-Password-Do-Not-Log', fixturePassword, org.tokens.admin];
    const output = await captureOutput(async () => {
      await sendJson(`${server.url}/api/v1/auth/login`, 'POST', {
        email: org.emails.admin,
        password: secrets[0],
      });
      const good = await sendJson(`${server.url}/api/v1/auth/login`, 'POST', {
        email: org.emails.admin,
        password: fixturePassword,
      });
      secrets.push(...good.headers.getSetCookie().map((c) => c.split(';')[0]!.split('=')[1]!));
      const created = await sendJson(
        `${server.url}/api/v1/orgs/logs/tokens`,
        'POST',
        { name: 'ci', role: 'viewer' },
        bearer(org.tokens.admin),
      );
      secrets.push((await created.json()).token);
      await fetch(`${server.url}/api/v1/orgs/logs/teams`, { headers: bearer(`${org.tokens.admin}x`) });
    }, requestLines(4));
    expect(secrets).toHaveLength(6);
    expect(output.match(/"msg":"request"/g)).toHaveLength(4);
    for (const secret of secrets) expect(output).not.toContain(secret);
  });

  it('has no console call in server/ (but the token CLI, which prints a new token once to its operator) that mentions a password, token, secret, cookie or authorization value', () => {
    const offenders = serverFiles('server')
      .filter((file) => file !== join('server', 'cli', 'token.ts'))
      .flatMap((file) =>
        readFileSync(file, 'utf8')
          .split('\n')
          .filter(
            (line) => /console\.\w+\(/.test(line) && /password|token|secret|cookie|authorization/i.test(line),
          )
          .map((line) => `${file}: ${line.trim()}`),
      );
    expect(offenders).toEqual([]);
  });
});
