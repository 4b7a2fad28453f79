/**
 * GitHub sync benchmark: `npx tsx test/bench/github-sync.bench.ts` (or `npm run bench`). A local
 * GitHub REST server holds 5,000 pull requests of one repository (two reviews each); the real sync
 * (Octokit with throttling and retry, 100 per list page, three requests per pull request, up to
 * `concurrentRequests` at once) stores them in a fresh temporary database (target <= 10 s). Same-run
 * baseline: plain fetch of the same URLs, as many at once, without parsing or storing. Wall and CPU
 * time of each, and the load average (the machine is shared).
 */
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { concurrentRequests } from '../../server/history/github-client';
import { mapLimit } from '../../server/history/github-fetch';
import { saveGithubSettings } from '../../server/history/github-settings';
import { startGithubSync } from '../../server/history/github-sync-run';
import { createLogger } from '../../server/logger';
import { systemActor } from '../../server/services/audit';
import { createOrgFixture } from '../helpers/api-fixture';
import { type FakePull, startFakeGithub } from '../helpers/fake-github';
import { createTempDb } from '../helpers/temp-db';
import { recordFigures } from './figures';

const count = 5_000;
const iso = (ms: number) => new Date(ms).toISOString().replace('.000', '');
const start = Date.parse('2024-01-01T09:00:00Z');
const pulls: FakePull[] = Array.from({ length: count }, (_, i) => {
  const created = start + i * 3_600_000;
  return {
    number: i + 1,
    login: `dev${i % 40}`,
    created: iso(created),
    updated: iso(created + 7_200_000),
    merged: iso(created + 7_200_000),
    additions: i % 97,
    deletions: i % 13,
    reviews: [
      { login: `dev${(i + 1) % 40}`, state: 'COMMENTED', at: iso(created + 1_800_000) },
      { login: `dev${(i + 2) % 40}`, state: 'APPROVED', at: iso(created + 3_600_000) },
    ],
  };
});

const token = 'ghp_benchToken';
const github = await startFakeGithub({ token });
github.pulls.push(...pulls);
const database = await createTempDb();
try {
  const org = await createOrgFixture(database.db, 'bench');
  const tokenKey = randomBytes(32);
  await saveGithubSettings(
    database.db,
    org.id,
    {
      baseUrl: github.baseUrl,
      token,
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
  const cpuMs = (since: NodeJS.CpuUsage) => {
    const used = process.cpuUsage(since);
    return Math.round((used.user + used.system) / 1000);
  };
  const started = performance.now();
  const syncCpu = process.cpuUsage();
  const [result] = await (await startGithubSync(deps, org.id, systemActor, 'manual')).done;
  const syncMs = performance.now() - started;
  const syncCpuMs = cpuMs(syncCpu);
  const urls = github.requests.map((r) => `${github.baseUrl}${r.url}`);
  const baselineStarted = performance.now();
  const baselineCpu = process.cpuUsage();
  await mapLimit(urls, concurrentRequests, async (url) =>
    (await fetch(url, { headers: { authorization: `token ${token}` } })).text(),
  );
  const baselineMs = performance.now() - baselineStarted;
  const baselineCpuMs = cpuMs(baselineCpu);
  const load = loadavg()[0]!.toFixed(1);
  const rssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  console.log(
    `5,000 pull requests: sync ${syncMs.toFixed(0)} ms wall / ${syncCpuMs} ms CPU (${urls.length} requests, ${JSON.stringify(result)}), baseline fetch ${baselineMs.toFixed(0)} ms wall / ${baselineCpuMs} ms CPU, ${rssMb} MB peak RSS, load ${load} (target <= 10000 ms)`,
  );
  recordFigures(
    'github-sync',
    [
      {
        case: '5,000 pull requests: sync',
        ms: Math.round(syncMs),
        'CPU ms': syncCpuMs,
        requests: urls.length,
        'peak RSS MB': rssMb,
        target: '<= 10000 ms',
      },
      {
        case: '5,000 pull requests: baseline fetch of the same URLs',
        ms: Math.round(baselineMs),
        'CPU ms': baselineCpuMs,
        requests: urls.length,
        'peak RSS MB': '',
        target: '',
      },
    ],
    `Local GitHub REST server in the same process (its work counts in both rows' CPU); the sync stores into a fresh temporary database. Baseline: plain fetch of the same URLs, ${concurrentRequests} at a time like the sync, bodies not parsed. Load average ${load} when measured (2 shared cores).`,
  );
} finally {
  database.cleanup();
  await github.close();
}
