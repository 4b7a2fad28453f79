/**
 * GitHub sync benchmark: `npx tsx test/bench/github-sync.bench.ts` (or `npm run bench`). A local
 * GitHub server in its own process (test/bench/fake-github-process.ts) holds 5,000 pull
 * requests of one repository (two reviews each); the real sync (Octokit with throttling and retry:
 * the REST list of the newest pull request, then GraphQL queries of 100 pull requests with their
 * reviews, one request at a time) stores them in a
 * fresh temporary database (target <= 10 s). Same-run baseline: plain fetch of the same requests
 * (the same methods and bodies, one at a time), bodies read but not parsed, against a fresh server process.
 * Wall time, CPU time of this process and of the server's, and the load average (the machine is
 * shared; CPU time is the less load-sensitive figure).
 */
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { saveGithubSettings } from '../../server/history/github-settings';
import { startGithubSync } from '../../server/history/github-sync-run';
import { createLogger } from '../../server/logger';
import { systemActor } from '../../server/services/audit';
import { createOrgFixture } from '../helpers/api-fixture';
import { createTempDb } from '../helpers/temp-db';
import type { FakeGithubMessage } from './fake-github-process';
import { recordFigures } from './figures';
import { benchToken } from './github-sync-pulls';

/** The fake GitHub in a child process: its URL, its report (requests received, CPU ms), and its end. */
async function startFakeProcess() {
  const child = fork(fileURLToPath(new URL('./fake-github-process.ts', import.meta.url)), {
    execArgv: ['--import', 'tsx'],
    // graphql-js's development checks (a constructor-name test on every failed instanceof) are
    // for finding duplicate installs, not part of serving a query.
    env: { ...process.env, NODE_ENV: 'production' },
  });
  const next = <K extends FakeGithubMessage['kind']>(kind: K) =>
    new Promise<Extract<FakeGithubMessage, { kind: K }>>((resolve) => {
      const on = (message: FakeGithubMessage) => {
        if (message.kind !== kind) return;
        child.off('message', on);
        resolve(message as Extract<FakeGithubMessage, { kind: K }>);
      };
      child.on('message', on);
    });
  const { baseUrl } = await next('listening');
  return {
    baseUrl,
    report: () => {
      const answer = next('report');
      child.send('report');
      return answer;
    },
    close: () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send('close');
      return exited;
    },
  };
}

const cpuMs = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return Math.round((used.user + used.system) / 1000);
};

const github = await startFakeProcess();
const database = await createTempDb();
let requests: { method: string; path: string; body: string }[] = [];
const sync = { ms: 0, cpuMs: 0, serverCpuMs: 0, result: '' };
try {
  const org = await createOrgFixture(database.db, 'bench');
  const tokenKey = randomBytes(32);
  await saveGithubSettings(
    database.db,
    org.id,
    {
      baseUrl: github.baseUrl,
      token: benchToken,
      schedule: null,
      timezone: 'UTC',
      repositories: [{ repo: 'octo/app', team: 'App' }],
    },
    { tokenKey, now: new Date(), actor: systemActor },
  );
  const deps = {
    db: database.db,
    clock: () => new Date(),
    logger: createLogger('silent'),
    tokenKey,
    userAgent: 'bench',
  };
  const started = performance.now();
  const syncCpu = process.cpuUsage();
  const [result] = await (await startGithubSync(deps, org.id, systemActor, 'manual')).done;
  sync.ms = Math.round(performance.now() - started);
  sync.cpuMs = cpuMs(syncCpu);
  sync.result = JSON.stringify(result);
  const report = await github.report();
  requests = report.requests;
  sync.serverCpuMs = report.cpuMs;
} finally {
  database.cleanup();
  await github.close();
}
const syncLoad = loadavg()[0]!.toFixed(1);
const rssMb = Math.round(process.resourceUsage().maxRSS / 1024);

const fresh = await startFakeProcess();
const baseline = { ms: 0, cpuMs: 0, serverCpuMs: 0 };
try {
  const started = performance.now();
  const baselineCpu = process.cpuUsage();
  for (const { method, path, body } of requests)
    await (
      await fetch(`${fresh.baseUrl}${path}`, {
        method,
        headers: { authorization: `token ${benchToken}`, 'content-type': 'application/json' },
        ...(method === 'GET' ? {} : { body }),
      })
    ).text();
  baseline.ms = Math.round(performance.now() - started);
  baseline.cpuMs = cpuMs(baselineCpu);
  baseline.serverCpuMs = (await fresh.report()).cpuMs;
} finally {
  await fresh.close();
}
const load = loadavg()[0]!.toFixed(1);

console.log(
  `5,000 pull requests: sync ${sync.ms} ms wall / ${sync.cpuMs} ms CPU (server ${sync.serverCpuMs} ms CPU; ${requests.length} requests, ${sync.result}), load ${syncLoad}; baseline fetch ${baseline.ms} ms wall / ${baseline.cpuMs} ms CPU (server ${baseline.serverCpuMs} ms CPU), load ${load}; ${rssMb} MB peak RSS (target <= 10000 ms)`,
);
recordFigures(
  'github-sync',
  [
    {
      case: '5,000 pull requests: sync',
      ms: sync.ms,
      'CPU ms': sync.cpuMs,
      'server CPU ms': sync.serverCpuMs,
      requests: requests.length,
      'peak RSS MB': rssMb,
      load: syncLoad,
      target: '<= 10000 ms',
    },
    {
      case: '5,000 pull requests: baseline fetch of the same requests',
      ms: baseline.ms,
      'CPU ms': baseline.cpuMs,
      'server CPU ms': baseline.serverCpuMs,
      requests: requests.length,
      'peak RSS MB': '',
      load,
      target: '',
    },
  ],
  'Local GitHub server (REST list, GraphQL) in a process of its own ("server CPU ms"); "CPU ms" is the syncing process\'s alone. The sync stores into a fresh temporary database. Baseline: plain fetch of the same requests (same methods and bodies) from a fresh server process, one at a time like the sync, bodies read but not parsed. Load average (1 min) when each was measured, on 2 shared cores.',
);
