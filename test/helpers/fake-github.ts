import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { type FakePull, pullRequest, pullRequests } from './fake-github-graph';
import {
  checkQuery,
  type GithubGraphqlError,
  githubError,
  githubSchema,
  RefusedQuery,
  runQuery,
} from './fake-github-query';
import { listPulls } from './fake-github-rest';

/** One request the fake received; `query` and `variables` when its body was a GraphQL request. */
export interface SeenRequest {
  method: string;
  url: string;
  authorization: string | undefined;
  ifNoneMatch: string | undefined;
  body: string;
  query?: string;
  variables?: Record<string, unknown>;
}

/** A canned answer for the next `times` requests that `match` picks. */
export interface Fault {
  match: (request: SeenRequest) => boolean;
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  times: number;
}

export interface FakeGithub {
  /** The REST API root to point the client at (GraphQL is served at `/graphql` beside it). */
  baseUrl: string;
  pulls: FakePull[];
  faults: Fault[];
  requests: SeenRequest[];
  /** REST requests of the current window counted against the primary rate limit (a 304 is not). */
  coreUsed(): number;
  close(): Promise<void>;
}

/** What the fake serves beyond its pull requests. */
export interface FakeGithubOptions {
  /** The token it expects (`Authorization: token ...`); any request is let in when not given. */
  token?: string;
  /** Most nodes a connection page holds, below the `first`/`last` asked (GitHub's is 100). */
  maxPerPage?: number;
  /**
   * GraphQL points per rate-limit window: 5,000 an hour for a personal access token, 10,000 for a
   * GitHub App installation of an Enterprise Cloud org ("Rate limits and query limits for the
   * GraphQL API").
   */
  rateLimit?: number;
  /** Length of the rate-limit window in seconds (GitHub's is an hour). */
  windowS?: number;
}

export type { FakePull };

const readBody = (req: IncomingMessage) =>
  new Promise<string>((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });

/** REST requests an hour the fake reports (a personal access token's, "Rate limits for the REST API"). */
const coreLimit = 5000;

/**
 * A local GitHub API. REST: the list of a repository's pull requests
 * (`GET /repos/{owner}/{repo}/pulls`, under `/api/v3` as GitHub Enterprise Server serves it; see
 * {@link listPulls}) with X-RateLimit-* headers of resource `core`, a 304 not counted. GraphQL
 * (`POST /graphql`, and `/api/graphql` as GitHub Enterprise Server serves it), which validates every query against GitHub's published schema and runs it over
 * `pulls`: `repository(owner, name)` (any name holds them) with `pullRequests` and their
 * connections, `node(id)` and `rateLimit`. GitHub's documented rules: `first`/`last` required and
 * at most 100, at most 500,000 nodes, a cost in points (connection requests over 100); X-RateLimit-*
 * headers (resource `graphql`) on every answer; a query costing more than the window's remaining
 * points answered 200 with a RATE_LIMITED error (nothing run, nothing spent) until
 * `x-ratelimit-reset`; 401 without the expected token (when one is given). `faults` answer
 * matching requests first.
 */
export async function startFakeGithub(options: FakeGithubOptions): Promise<FakeGithub> {
  githubSchema();
  const fake = { pulls: [] as FakePull[], faults: [] as Fault[], requests: [] as SeenRequest[] };
  let coreUsed = 0;
  const cap = options.maxPerPage ?? 100;
  const limit = options.rateLimit ?? 5000;
  const windowS = options.windowS ?? 3600;
  let remaining = limit;
  /** End of the current window, which opens with its first request; 0 before any. */
  let reset = 0;
  const root = (cost: number) => ({
    repository: () => ({
      __typename: 'Repository',
      pullRequests: (args: Parameters<typeof pullRequests>[1]) => pullRequests(fake.pulls, args, cap),
    }),
    node: ({ id }: { id: string }) => {
      const pull = fake.pulls.find((p) => `PR_${p.number}` === id);
      if (!pull) throw githubError('NOT_FOUND', `Could not resolve to a node with the global id of '${id}'`);
      return pullRequest(pull, cap);
    },
    rateLimit: () => ({
      cost,
      limit,
      remaining,
      used: limit - remaining,
      resetAt: new Date(reset * 1000).toISOString(),
      nodeCount: 0,
    }),
  });
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    const body = await readBody(req);
    const seen: SeenRequest = {
      method: req.method ?? '',
      url: `${url.pathname}${url.search}`,
      authorization: req.headers.authorization,
      ifNoneMatch: req.headers['if-none-match'],
      body,
    };
    try {
      const parsed = JSON.parse(body) as { query?: unknown; variables?: unknown };
      if (typeof parsed.query === 'string') seen.query = parsed.query;
      if (parsed.variables && typeof parsed.variables === 'object')
        seen.variables = parsed.variables as Record<string, unknown>;
    } catch {}
    fake.requests.push(seen);
    const now = Math.floor(Date.now() / 1000);
    if (now >= reset) {
      remaining = limit;
      coreUsed = 0;
      reset = now + windowS;
    }
    const send = (status: number, payload: unknown, extra: Record<string, string> = {}) => {
      res.writeHead(status, {
        'content-type': 'application/json; charset=utf-8',
        'x-ratelimit-limit': String(limit),
        'x-ratelimit-remaining': String(remaining),
        'x-ratelimit-reset': String(reset),
        'x-ratelimit-used': String(limit - remaining),
        'x-ratelimit-resource': 'graphql',
        ...extra,
      });
      res.end(JSON.stringify(payload));
    };
    const fault = fake.faults.find((f) => f.times > 0 && f.match(seen));
    if (fault) {
      fault.times--;
      return send(fault.status, fault.body ?? { message: 'fault' }, fault.headers);
    }
    if (options.token !== undefined && req.headers.authorization !== `token ${options.token}`)
      return send(401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/graphql' });
    const list = url.pathname.match(/^(?:\/api\/v3)?\/repos\/([^/]+\/[^/]+)\/pulls$/);
    if (req.method === 'GET' && list) {
      const api = `http://${req.headers.host}${url.pathname.startsWith('/api/v3/') ? '/api/v3' : ''}`;
      const answer = listPulls(fake.pulls, api, list[1]!, url, seen.ifNoneMatch);
      if (answer.status !== 304) coreUsed++;
      res.writeHead(answer.status, {
        ...(answer.body === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' }),
        ...(answer.etag ? { etag: answer.etag } : {}),
        'x-ratelimit-limit': String(coreLimit),
        'x-ratelimit-remaining': String(coreLimit - coreUsed),
        'x-ratelimit-reset': String(reset),
        'x-ratelimit-used': String(coreUsed),
        'x-ratelimit-resource': 'core',
      });
      return res.end(answer.body === undefined ? undefined : JSON.stringify(answer.body));
    }
    if (req.method !== 'POST' || !['/graphql', '/api/graphql'].includes(url.pathname))
      return send(404, { message: 'Not Found', documentation_url: 'https://docs.github.com/graphql' });
    if (seen.query === undefined)
      return send(400, {
        message: 'Problems parsing JSON',
        documentation_url: 'https://docs.github.com/graphql',
      });
    let errors: GithubGraphqlError[];
    try {
      const checked = checkQuery(seen.query, seen.variables ?? {});
      if (checked.cost > remaining)
        return send(200, {
          errors: [{ type: 'RATE_LIMITED', message: 'API rate limit exceeded for user ID 1.' }],
        });
      remaining -= checked.cost;
      return send(200, await runQuery(checked, root(checked.cost)));
    } catch (error) {
      if (!(error instanceof RefusedQuery)) throw error;
      errors = error.errors;
    }
    send(200, { errors });
  };
  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: Error) => {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: error.message }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    ...fake,
    baseUrl: `http://127.0.0.1:${port}`,
    coreUsed: () => coreUsed,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
