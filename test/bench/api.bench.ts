/**
 * API benchmark: `npx tsx test/bench/api.bench.ts` (or `npm run bench`). Starts the real server
 * (server/index.ts) as its own process on a temporary database with the demo org, then:
 * - capacity report (JSON and CSV, cached plan-of-record forecast) under concurrent load with
 *   autocannon (its own process), beside a bare Hono hello-world server measured the same way;
 * - a 50,000-row roster import over HTTP (median of 3).
 * Prints one table; the hello-world rows are the same-run baseline.
 */
import { spawnSync } from 'node:child_process';
import { bin, demoToken, startDemoServer, startHello } from '../helpers/bench-processes';
import { recordFigures } from './figures';

const CONNECTIONS = 20;
const SECONDS = 8;

interface Load {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
}

function autocannon(url: string, headers: Record<string, string>): Load {
  const args = ['-c', String(CONNECTIONS), '-d', String(SECONDS), '-j'];
  for (const [key, value] of Object.entries(headers)) args.push('-H', `${key}=${value}`);
  const run = spawnSync(bin('autocannon'), [...args, url], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`autocannon failed: ${run.stderr}`);
  const result = JSON.parse(run.stdout);
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
  };
}

const roster = `employee_id,team,level,hire_date,manager_id\n${Array.from(
  { length: 50_000 },
  (_, i) =>
    `B${i},Team ${i % 40},${['junior', 'mid', 'senior', 'principal'][i % 4]},2022-05-02,${i ? 'B0' : ''}`,
).join('\n')}\n`;

const { server, database } = await startDemoServer();
const hello = await startHello();
try {
  const auth = { authorization: `Bearer ${demoToken(database.url, 'planner')}` };
  const report = `${server.url}/api/v1/orgs/demo/reports/capacity`;
  const started = performance.now();
  const first = await fetch(report, { headers: auth });
  if (first.status !== 200) throw new Error(`report answered ${first.status}: ${await first.text()}`);
  const firstMs = performance.now() - started;

  const rows: [string, Load][] = [
    ['hello world (bare Hono, baseline)', autocannon(hello.url, {})],
    ['capacity report JSON (cached run)', autocannon(report, auth)],
    ['capacity report CSV (cached run)', autocannon(`${report}?format=csv`, auth)],
    ['health (db round trip)', autocannon(`${server.url}/api/v1/health`, {})],
  ];

  const imports: number[] = [];
  for (let i = 0; i < 3; i += 1) {
    const t = performance.now();
    const response = await fetch(`${server.url}/api/v1/orgs/demo/roster/import`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'text/csv' },
      body: roster,
    });
    if (response.status !== 200)
      throw new Error(`import answered ${response.status}: ${await response.text()}`);
    imports.push(performance.now() - t);
  }
  imports.sort((a, b) => a - b);

  const width = 36;
  console.log(
    `\nAPI benchmark: ${CONNECTIONS} connections x ${SECONDS} s per row (autocannon in its own process)\n`,
  );
  console.log(
    `${'case'.padEnd(width)}  ${'req/s'.padStart(9)}  ${'p50 ms'.padStart(7)}  ${'p99 ms'.padStart(7)}  non-2xx`,
  );
  for (const [name, load] of rows) {
    console.log(
      `${name.padEnd(width)}  ${load.requestsPerSecond.toFixed(0).padStart(9)}  ${String(load.p50).padStart(7)}  ${String(load.p99).padStart(7)}  ${load.non2xx}`,
    );
  }
  console.log(
    `\n${'first capacity report (500-run Monte Carlo, 40 teams)'.padEnd(width)}  ${firstMs.toFixed(0)} ms`,
  );
  console.log(
    `${'roster import, 50,000 rows over HTTP'.padEnd(width)}  median ${imports[1]!.toFixed(0)} ms (min ${imports[0]!.toFixed(0)}, max ${imports[2]!.toFixed(0)}; target < 3000)`,
  );
  recordFigures(
    'api',
    [
      ...rows.map(([name, load]) => ({
        case: name,
        'req/s': Math.round(load.requestsPerSecond),
        'p50 ms': load.p50,
        'p99 ms': load.p99,
        'non-2xx': load.non2xx,
      })),
      { case: 'first capacity report (500-run Monte Carlo, 40 teams)', 'p50 ms': Math.round(firstMs) },
      { case: 'roster import, 50,000 rows over HTTP (median of 3)', 'p50 ms': Math.round(imports[1]!) },
    ],
    `${CONNECTIONS} connections x ${SECONDS} s per load row (autocannon in its own process); single-request rows give their time in the p50 column.`,
  );
} finally {
  hello.child.kill();
  await server.stop();
  database.cleanup();
}
