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

/** GitHub's simple-user object; rendered once per login (the id is a digest of the login). */
const users = new Map<string, ReturnType<typeof renderUser>>();
const renderUser = (login: string, type: string) => ({
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
const user = (login: string, type = 'User') => {
  const key = `${type}:${login}`;
  const rendered = users.get(key) ?? renderUser(login, type);
  users.set(key, rendered);
  return rendered;
};

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

const state = (at: string, p: FakePull, event: string, i: number) => ({
  id: p.number * 100 + i,
  node_id: `E_${p.number}_${i}`,
  url: '',
  actor: user(p.login),
  event,
  commit_id: null,
  commit_url: null,
  created_at: at,
  performed_via_github_app: null,
});

/**
 * A pull request's timeline (GET /repos/{o}/{r}/issues/{n}/timeline, in time order): its commit,
 * review requests, `ready_for_review` events, reviews as `reviewed` events (state in lower case,
 * as the issue event types reference documents: commented, changes_requested, approved), then
 * `merged` and `closed`.
 */
function timeline(base: string, p: FakePull) {
  const events: { at: string; body: unknown }[] = [
    {
      at: p.created,
      body: {
        event: 'committed',
        sha: `c${p.number}`,
        node_id: `C_${p.number}`,
        url: `${base}/git/commits/c${p.number}`,
        html_url: '',
        author: { date: p.created, email: `${p.login}@users.noreply`, name: p.login },
        committer: { date: p.created, email: `${p.login}@users.noreply`, name: p.login },
        message: `Change ${p.number}`,
        tree: { sha: `t${p.number}`, url: '' },
        parents: [],
        verification: {
          verified: false,
          reason: 'unsigned',
          signature: null,
          payload: null,
          verified_at: null,
        },
      },
    },
    ...(p.requested ?? []).map((login, i) => ({
      at: p.created,
      body: {
        ...state(p.created, p, 'review_requested', i + 1),
        review_requester: user(p.login),
        requested_reviewer: user(login),
      },
    })),
    ...(p.ready ?? []).map((at, i) => ({ at, body: state(at, p, 'ready_for_review', 20 + i) })),
    ...(p.reviews ?? []).map((r, i) => ({
      at: r.at,
      body: {
        event: 'reviewed',
        id: p.number * 100 + 40 + i,
        node_id: `R_${p.number}_${i}`,
        user: user(r.login),
        body: null,
        state: r.state.toLowerCase(),
        html_url: '',
        pull_request_url: `${base}/pulls/${p.number}`,
        _links: { html: { href: '' }, pull_request: { href: `${base}/pulls/${p.number}` } },
        submitted_at: r.at,
        commit_id: `c${p.number}`,
        author_association: 'MEMBER',
      },
    })),
    ...(p.merged ? [{ at: p.merged, body: state(p.merged, p, 'merged', 98) }] : []),
    ...((p.closed ?? p.merged)
      ? [{ at: (p.closed ?? p.merged)!, body: state((p.closed ?? p.merged)!, p, 'closed', 99) }]
      : []),
  ];
  return events.sort((x, y) => (x.at < y.at ? -1 : x.at > y.at ? 1 : 0)).map((e) => e.body);
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

/** What the fake serves beyond its pull requests. */
export interface FakeGithubOptions {
  /** The token it expects (`Authorization: token ...`); any request is let in when not given. */
  token?: string;
  /** Largest `per_page` honoured (GitHub's is 100). */
  maxPerPage?: number;
  /**
   * Requests per rate-limit window: 5,000 an hour for a personal access token, 15,000 for a
   * GitHub App installation of an Enterprise Cloud org (REST docs, "Rate limits for the REST API").
   */
  rateLimit?: number;
  /** Length of the rate-limit window in seconds (GitHub's is an hour). */
  windowS?: number;
}

const documentation = 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api';

/**
 * A local GitHub REST API (the endpoints the sync reads) with GitHub's documented behaviour:
 * `GET /repos/{o}/{r}/pulls` sorted by `updated` with `per_page` (capped at `maxPerPage`, as GitHub
 * caps at 100) and `page`, Link headers, a weak ETag answered with 304 on If-None-Match; the single
 * pull request and its timeline (paginated alike); X-RateLimit-* headers on every answer, and once
 * the window's requests are spent 403 with `x-ratelimit-remaining: 0` until `x-ratelimit-reset`
 * (a 304 is not counted); 401 without the expected token (when one is given). `faults` answer
 * matching requests first.
 */
export async function startFakeGithub(options: FakeGithubOptions): Promise<FakeGithub> {
  const fake = { pulls: [] as FakePull[], faults: [] as Fault[], requests: [] as SeenRequest[] };
  const maxPerPage = options.maxPerPage ?? 100;
  const limit = options.rateLimit ?? 5000;
  const windowS = options.windowS ?? 3600;
  let remaining = limit;
  /** End of the current window, which opens with its first request; 0 before any. */
  let reset = 0;
  /** Pull request number -> index in `fake.pulls`, rebuilt when the array no longer agrees. */
  let index = new Map<number, number>();
  const pull = (number: number) => {
    const at = index.get(number);
    if (at !== undefined && fake.pulls[at]?.number === number) return fake.pulls[at];
    index = new Map(fake.pulls.map((p, i) => [p.number, i]));
    return fake.pulls[index.get(number) ?? -1];
  };
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    const ifNoneMatch = req.headers['if-none-match'];
    fake.requests.push({
      method: req.method ?? '',
      url: `${url.pathname}${url.search}`,
      authorization: req.headers.authorization,
      ifNoneMatch,
    });
    const now = Math.floor(Date.now() / 1000);
    if (now >= reset) {
      remaining = limit;
      reset = now + windowS;
    }
    const spent = remaining === 0;
    if (!spent) remaining--;
    const headers = () => ({
      'content-type': 'application/json; charset=utf-8',
      'x-ratelimit-limit': String(limit),
      'x-ratelimit-remaining': String(remaining),
      'x-ratelimit-reset': String(reset),
      'x-ratelimit-used': String(limit - remaining),
      'x-ratelimit-resource': 'core',
    });
    const send = (status: number, body?: unknown, extra: Record<string, string | undefined> = {}) => {
      const defined = Object.fromEntries(Object.entries(extra).filter(([, v]) => v !== undefined)) as Record<
        string,
        string
      >;
      res.writeHead(status, { ...headers(), ...defined });
      res.end(body === undefined ? undefined : JSON.stringify(body));
    };
    const fault = fake.faults.find((f) => f.times > 0 && f.path.test(`${url.pathname}${url.search}`));
    if (fault) {
      fault.times--;
      return send(fault.status, fault.body ?? { message: 'fault' }, fault.headers);
    }
    if (options.token !== undefined && req.headers.authorization !== `token ${options.token}`)
      return send(401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest' });
    if (spent)
      return send(403, {
        message: 'API rate limit exceeded for user ID 1.',
        documentation_url: documentation,
      });
    /** Page `page` of `items` (`per_page` of them), each rendered by `render`. */
    const paged = <T>(items: T[], render: (item: T) => unknown, etag: boolean) => {
      const perPage = Math.min(Number(url.searchParams.get('per_page') ?? 30), maxPerPage);
      const page = Number(url.searchParams.get('page') ?? 1);
      const body = items.slice((page - 1) * perPage, page * perPage).map(render);
      const tag = `W/"${createHash('sha1').update(JSON.stringify(body)).digest('hex')}"`;
      if (etag && ifNoneMatch === tag) {
        remaining++;
        return send(304);
      }
      send(200, body, {
        link: link(url, page, Math.max(1, Math.ceil(items.length / perPage))),
        ...(etag ? { etag: tag } : {}),
      });
    };
    const base = `/repos/${url.pathname.split('/')[2]}/${url.pathname.split('/')[3]}`;
    const route = url.pathname.slice(base.length);
    const [, kind, number, tail] = route.match(/^\/(pulls|issues)(?:\/(\d+))?(\/\w+)?$/) ?? [];
    if (kind === 'pulls' && number === undefined) {
      const sorted = [...fake.pulls].sort((a, b) =>
        a.updated < b.updated ? 1 : a.updated > b.updated ? -1 : b.number - a.number,
      );
      return paged(sorted, (p) => listed(base, p), true);
    }
    const p = number === undefined ? undefined : pull(Number(number));
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
    if (kind === 'issues' && p && tail === '/timeline') return paged(timeline(base, p), (e) => e, false);
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
