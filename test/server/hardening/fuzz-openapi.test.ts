import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasOwnBodyLimit, maxJsonBytes } from '../../../server/middleware/body-limits';
import { bearer } from '../../helpers/api-fixture';
import { type AppServer, startAppServer } from '../../helpers/app-server';
import { type OperationFixture, setupOperations } from '../../helpers/operation-requests';
import { hostileBody, hostileText } from './hostile-values';

interface Operation {
  method: string;
  path: string;
  params: { name: string; in: string }[];
  bodySchema?: { properties?: Record<string, unknown> };
}

/** The parts of an OpenAPI operation object the fuzzer reads. */
interface OpenApiOperation {
  parameters?: Operation['params'];
  requestBody?: { content?: Record<string, { schema?: Operation['bodySchema'] }> };
}

interface FuzzRequest {
  op: Operation;
  path: string;
  body?: string;
  /** The status the request must get, when it is fixed (oversized bodies: 413). */
  expected?: number;
}

const minimumRequests = 10_000;
const inFlight = 12;
const leaks = [/^\s+at /m, /\bError:/, /\b(SELECT|INSERT|UPDATE|DELETE FROM)\b/, /sqlite/i];

let server: AppServer;
let fx: OperationFixture;
let operations: Operation[];

beforeAll(async () => {
  server = await startAppServer({
    env: {
      RATE_LIMIT_LOGIN_PER_IP: '1000000',
      RATE_LIMIT_LOGIN_PER_EMAIL: '1000000',
      RATE_LIMIT_TOKENS_PER_USER: '1000000',
    },
  });
  fx = await setupOperations(server);
  const document = await (await fetch(`${server.url}/api/v1/openapi.json`)).json();
  const paths = document.paths as Record<string, Record<string, OpenApiOperation>>;
  operations = Object.entries(paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      params: op.parameters ?? [],
      bodySchema: op.requestBody?.content?.['application/json']?.schema,
    })),
  );
});
afterAll(async () => {
  await server.close();
});

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Percent-encodes a path segment; a lone surrogate (not encodable as UTF-8) goes as the invalid bytes ED A0 80. */
const encodeSegment = (value: string): string =>
  encodeURIComponent(value.replace(loneSurrogate, '\u0001')).replaceAll('%01', '%ED%A0%80');

/** The fixture's id for the resource a path parameter names, so validation past the lookup is reached. */
function realValue(path: string, name: string): string | undefined {
  if (name === 'org') return fx.own.slug;
  if (name === 'runId') return fx.ids.run;
  if (name === 'alertId') return fx.ids.alert;
  if (name === 'version') return '1';
  if (name !== 'id') return undefined;
  if (path.includes('/teams/')) return fx.ids.team;
  if (path.includes('/scenarios/')) return fx.ids.scenario;
  if (path.includes('/alert-rules/')) return fx.ids.rule;
  return undefined;
}

/** `runs` seeded hostile requests for `op`: path and query values, and a JSON body when it takes one. */
function hostileRequests(op: Operation, runs: number, seed: number): FuzzRequest[] {
  const sample = fc.record({
    body: hostileBody(op.bodySchema),
    values: fc.array(hostileText, { minLength: op.params.length, maxLength: op.params.length }),
    real: fc.array(fc.boolean(), { minLength: op.params.length, maxLength: op.params.length }),
  });
  return fc.sample(sample, { numRuns: runs, seed }).map(({ body, values, real }) => {
    let path = op.path;
    const query = new URLSearchParams();
    op.params.forEach((p, k) => {
      const value = (real[k] && realValue(op.path, p.name)) || values[k]!;
      if (p.in === 'path') path = path.replace(`{${p.name}}`, encodeSegment(value));
      else if (p.in === 'query') query.set(p.name, value);
    });
    const json = op.method !== 'GET' && op.bodySchema ? (JSON.stringify(body) ?? 'null') : undefined;
    return { op, path: `${path}?${query}`, body: json };
  });
}

/** One body just over the 1 MiB limit per operation that takes JSON. */
const oversized = (op: Operation): FuzzRequest => ({
  op,
  path: op.path.replace('{org}', fx.own.slug).replace(/\{\w+\}/g, 'x'),
  body: JSON.stringify({ pad: 'x'.repeat(maxJsonBytes) }),
  expected: 413,
});

describe('hostile input to every operation of the OpenAPI document', () => {
  // 300 s: the requests take ~46 s of CPU (56 s alone on a quiet 2-core machine), and the suite runs
  // another file beside this one.
  it(`answers at least ${minimumRequests} hostile requests without a 5xx, a stack trace or SQL`, async () => {
    expect(operations.length).toBeGreaterThan(30);
    const perOperation = Math.ceil(minimumRequests / operations.length);
    const requests = [
      ...operations.flatMap((op, i) => hostileRequests(op, perOperation, 7_000 + i)),
      ...operations
        .filter((op) => op.bodySchema && op.method !== 'GET' && !hasOwnBodyLimit(op.path))
        .map(oversized),
    ];
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    const send = async ({ op, path, body, expected }: FuzzRequest) => {
      const headers = { ...bearer(fx.own.tokens.admin), 'content-type': 'application/json' };
      const response = await fetch(`${server.url}/api/v1${path}`, { method: op.method, headers, body }).catch(
        (error: Error) => new Response(`network error: ${error.cause ?? error.message}`, { status: 599 }),
      );
      const text = await response.text();
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      const wrong = expected !== undefined && response.status !== expected;
      if (wrong || response.status >= 500 || leaks.some((leak) => leak.test(text))) {
        failures.push(
          `${op.method} ${path.slice(0, 120)} ${body?.slice(0, 120)} -> ${response.status} ${text.slice(0, 300)}`,
        );
      }
    };
    let next = 0;
    const worker = async () => {
      while (next < requests.length) await send(requests[next++]!);
    };
    await Promise.all(Array.from({ length: inFlight }, worker));
    const sent = [...statuses.values()].reduce((a, b) => a + b, 0);
    expect(sent).toBeGreaterThanOrEqual(minimumRequests);
    expect(statuses.get(413)).toBeGreaterThan(0);
    expect(failures.slice(0, 10)).toEqual([]);
  }, 300_000);
});
