import { createHash } from 'node:crypto';
import type { FakePull } from './fake-github-graph';
import { pullRequestSimple } from './fake-github-rest-objects';

/** A REST answer: its status, body (none for 304) and ETag. */
export interface RestAnswer {
  status: number;
  body?: unknown;
  etag?: string;
}

/**
 * `GET /repos/{owner}/{repo}/pulls` as GitHub documents it ("List pull requests"): `state` open
 * (the default), closed or all; `sort` created (the default) or updated (popularity and
 * long-running are refused: the fake cannot rank them); `direction` desc by default for created,
 * else asc; `per_page` (30 by default, at most 100) and `page`; an array of pull-request-simple
 * objects with a weak ETag of the body, answered 304 without a body when `If-None-Match` names it.
 * No Link header.
 */
export function listPulls(
  pulls: FakePull[],
  api: string,
  fullName: string,
  url: URL,
  ifNoneMatch?: string,
): RestAnswer {
  const param = (name: string, fallback: string) => url.searchParams.get(name) ?? fallback;
  const state = param('state', 'open');
  const sort = param('sort', 'created');
  const direction = param('direction', sort === 'created' ? 'desc' : 'asc');
  if (
    !['open', 'closed', 'all'].includes(state) ||
    !['created', 'updated'].includes(sort) ||
    !['asc', 'desc'].includes(direction)
  )
    return {
      status: 422,
      body: {
        message: 'Validation Failed',
        documentation_url: 'https://docs.github.com/rest/pulls/pulls#list-pull-requests',
      },
    };
  const perPage = Math.min(Number(param('per_page', '30')), 100);
  const page = Number(param('page', '1'));
  const key = (p: FakePull) => (sort === 'created' ? p.created : p.updated);
  const sign = direction === 'desc' ? -1 : 1;
  const listed = pulls
    .filter((p) => state === 'all' || (state === 'closed') === Boolean(p.closed || p.merged))
    .sort((a, b) => sign * (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.number - b.number))
    .slice((page - 1) * perPage, page * perPage)
    .map((p) => pullRequestSimple(api, fullName, p));
  const etag = `W/"${createHash('sha1').update(JSON.stringify(listed)).digest('hex')}"`;
  return ifNoneMatch === etag ? { status: 304, etag } : { status: 200, body: listed, etag };
}
