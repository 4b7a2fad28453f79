/**
 * The bench's fake GitHub in a process of its own (`fork` with tsx), so that the sync's CPU time is
 * the sync's alone, as against the real GitHub. It serves {@link benchPulls} with a 10,000-point
 * GraphQL rate limit (a GitHub App installation of an Enterprise Cloud org) and tells its parent
 * its URL; asked for a `report`, it answers the requests it received (method, path and body) and the CPU
 * time it used.
 */
import { startFakeGithub } from '../helpers/fake-github';
import { benchPulls, benchToken } from './github-sync-pulls';

/** What the process sends its parent. */
export type FakeGithubMessage =
  | { kind: 'listening'; baseUrl: string }
  | { kind: 'report'; requests: { method: string; path: string; body: string }[]; cpuMs: number };

const github = await startFakeGithub({ token: benchToken, rateLimit: 10_000 });
github.pulls.push(...benchPulls);
const cpu = process.cpuUsage();
const send = (message: FakeGithubMessage) => process.send?.(message);
process.on('message', async (message) => {
  if (message === 'report') {
    const used = process.cpuUsage(cpu);
    send({
      kind: 'report',
      requests: github.requests.map((r) => ({ method: r.method, path: r.url, body: r.body })),
      cpuMs: Math.round((used.user + used.system) / 1000),
    });
  } else if (message === 'close') {
    await github.close();
    process.disconnect();
  }
});
send({ kind: 'listening', baseUrl: github.baseUrl });
