import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

/** A pull request of the fake, in the few facts the tests choose; the server renders GitHub's shapes. */
export interface FakePull {
  number: number;
  login: string;
  /** `User` or `Bot`. */
  type?: 'User' | 'Bot';
  created: string;
  updated: string;
  merged?: string | null;
  closed?: string | null;
  draft?: boolean;
  labels?: string[];
  body?: string;
  additions?: number;
  deletions?: number;
  requested?: string[];
  reviews?: { login: string; state: string; at: string }[];
  /** `ready_for_review` issue event times. */
  ready?: string[];
}

/** A canned answer for the next `times` requests whose path and query match `path`. */
export interface Fault {
  path: RegExp;
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  times: number;
}

/** One request the fake received. */
export interface SeenRequest {
  method: string;
  url: string;
  authorization: string | undefined;
  ifNoneMatch: string | undefined;
}

export interface FakeGithub {
  /** The REST API root to point the client at. */
  baseUrl: string;
  pulls: FakePull[];
  faults: Fault[];
  requests: SeenRequest[];
  close(): Promise<void>;
}

const user = (login: string, type = 'User') => ({
  login,
  id: Number.parseInt(createHash('sha1').update(login).digest('hex').slice(0, 8), 16),
  node_id: `U_${login}`,
  avatar_url: '',
  gravatar_id: '',
  url: `/users/${login}`,
  html_url: `/${login}`,
  type,
  site_admin: false,
});

function listed(base: string, p: FakePull) {
  return {
    url: `${base}/pulls/${p.number}`,
    id: p.number * 1000,
    node_id: `PR_${p.number}`,
    number: p.number,
    state: p.closed || p.merged ? 'closed' : 'open',
    locked: false,
    title: `Change ${p.number}`,
    user: user(p.login, p.type),
    body: p.body ?? null,
    labels: (p.labels ?? []).map((name, i) => ({
      id: i + 1,
      node_id: `L_${name}`,
      url: '',
      name,
      color: 'ededed',
      default: false,
      description: null,
    })),
    created_at: p.created,
    updated_at: p.updated,
    closed_at: p.closed ?? p.merged ?? null,
    merged_at: p.merged ?? null,
    requested_reviewers: (p.requested ?? []).map((login) => user(login)),
    requested_teams: [],
    draft: p.draft ?? false,
    author_association: 'MEMBER',
  };
}

/** GitHub's Link header for page `page` of `last` pages of `url`. */
function link(url: URL, page: number, last: number): string | undefined {
  const at = (n: number) => {
    const next = new URL(url);
    next.searchParams.set('page', String(n));
    return `<${next.href}>`;
  };
  const parts = [
    ...(page < last ? [`${at(page + 1)}; rel="next"`, `${at(last)}; rel="last"`] : []),
    ...(page > 1 ? [`${at(1)}; rel="first"`, `${at(page - 1)}; rel="prev"`] : []),
  ];
  return parts.length > 0 ? parts.join(', ') : undefined;
}

/**
 * A local GitHub REST API (the endpoints the sync reads) with GitHub's documented behaviour:
 * `GET /repos/{o}/{r}/pulls` sorted by `updated` with `per_page` (capped at `maxPerPage`, as GitHub
 * caps at 100) and `page`, Link headers, a weak ETag answered with 304 on If-None-Match; the single
 * pull request, its reviews and issue events (paginated alike); X-RateLimit-* headers on every
 * answer; 401 without the expected token (when one is given). `faults` answer matching requests first.
 */
export async function startFakeGithub(options: { token?: string; maxPerPage?: number }): Promise<FakeGithub> {
  const fake = { pulls: [] as FakePull[], faults: [] as Fault[], requests: [] as SeenRequest[] };
  const maxPerPage = options.maxPerPage ?? 100;
  let remaining = 5000;
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    const ifNoneMatch = req.headers['if-none-match'];
    fake.requests.push({
      method: req.method ?? '',
      url: `${url.pathname}${url.search}`,
      authorization: req.headers.authorization,
      ifNoneMatch,
    });
    const headers: Record<string, string> = {
      'content-type': 'application/json; charset=utf-8',
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': String(Math.max(0, --remaining)),
      'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
      'x-ratelimit-used': String(5000 - remaining),
      'x-ratelimit-resource': 'core',
    };
    const send = (status: number, body?: unknown, extra: Record<string, string | undefined> = {}) => {
      const defined = Object.fromEntries(Object.entries(extra).filter(([, v]) => v !== undefined)) as Record<
        string,
        string
      >;
      res.writeHead(status, { ...headers, ...defined });
      res.end(body === undefined ? undefined : JSON.stringify(body));
    };
    const fault = fake.faults.find((f) => f.times > 0 && f.path.test(`${url.pathname}${url.search}`));
    if (fault) {
      fault.times--;
      return send(fault.status, fault.body ?? { message: 'fault' }, fault.headers);
    }
    if (options.token !== undefined && req.headers.authorization !== `token ${options.token}`)
      return send(401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest' });
    const paged = (items: unknown[], etag: boolean) => {
      const perPage = Math.min(Number(url.searchParams.get('per_page') ?? 30), maxPerPage);
      const page = Number(url.searchParams.get('page') ?? 1);
      const body = items.slice((page - 1) * perPage, page * perPage);
      const tag = `W/"${createHash('sha1').update(JSON.stringify(body)).digest('hex')}"`;
      if (etag && ifNoneMatch === tag) return send(304);
      send(200, body, {
        link: link(url, page, Math.max(1, Math.ceil(items.length / perPage))),
        ...(etag ? { etag: tag } : {}),
      });
    };
    const base = `/repos/${url.pathname.split('/')[2]}/${url.pathname.split('/')[3]}`;
    const route = url.pathname.slice(base.length);
    const [, kind, number, tail] = route.match(/^\/(pulls|issues)(?:\/(\d+))?(\/\w+)?$/) ?? [];
    const p = fake.pulls.find((pull) => pull.number === Number(number));
    if (kind === 'pulls' && number === undefined) {
      const sorted = [...fake.pulls].sort((a, b) =>
        a.updated < b.updated ? 1 : a.updated > b.updated ? -1 : b.number - a.number,
      );
      return paged(
        sorted.map((pull) => listed(base, pull)),
        true,
      );
    }
    if (kind === 'pulls' && p && tail === undefined)
      return send(200, {
        ...listed(base, p),
        merged: Boolean(p.merged),
        additions: p.additions ?? 0,
        deletions: p.deletions ?? 0,
        changed_files: 1,
        commits: 1,
        comments: 0,
        review_comments: 0,
      });
    if (kind === 'pulls' && p && tail === '/reviews')
      return paged(
        (p.reviews ?? []).map((r, i) => ({
          id: i + 1,
          node_id: `R_${i}`,
          user: user(r.login),
          body: '',
          state: r.state,
          html_url: '',
          pull_request_url: '',
          author_association: 'MEMBER',
          submitted_at: r.at,
          commit_id: 'abc',
        })),
        false,
      );
    if (kind === 'issues' && p && tail === '/events')
      return paged(
        (p.ready ?? []).map((at, i) => ({
          id: i + 1,
          node_id: `E_${i}`,
          url: '',
          actor: user('someone'),
          event: 'ready_for_review',
          commit_id: null,
          commit_url: null,
          created_at: at,
        })),
        false,
      );
    send(404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' });
  };
  const server: Server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    ...fake,
    baseUrl: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
