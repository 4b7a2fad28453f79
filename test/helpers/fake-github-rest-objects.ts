import { createHash } from 'node:crypto';
import type { components } from '@octokit/openapi-types';
import type { FakePull } from './fake-github-graph';

/** GitHub's REST objects of the fake's pull requests, typed by GitHub's OpenAPI description. */

type SimpleUser = components['schemas']['simple-user'];
type Repository = components['schemas']['repository'];
type PullRequestSimple = components['schemas']['pull-request-simple'];

/** Web address of the fake's objects (GitHub's `html_url`s). */
const web = 'https://github.com';

/** GitHub's simple-user object (the id is a digest of the login). */
function simpleUser(api: string, login: string, type: string): SimpleUser {
  const url = `${api}/users/${login}`;
  return {
    login,
    id: Number.parseInt(createHash('sha1').update(login).digest('hex').slice(0, 8), 16),
    node_id: `U_${login}`,
    avatar_url: '',
    gravatar_id: '',
    url,
    html_url: `${web}/${login}`,
    followers_url: `${url}/followers`,
    following_url: `${url}/following{/other_user}`,
    gists_url: `${url}/gists{/gist_id}`,
    starred_url: `${url}/starred{/owner}{/repo}`,
    subscriptions_url: `${url}/subscriptions`,
    organizations_url: `${url}/orgs`,
    repos_url: `${url}/repos`,
    events_url: `${url}/events{/privacy}`,
    received_events_url: `${url}/received_events`,
    type,
    site_admin: false,
  };
}

/** GitHub's repository object, with the fields the schema requires. */
function repository(api: string, fullName: string): Repository {
  const [owner = '', name = ''] = fullName.split('/');
  const url = `${api}/repos/${fullName}`;
  const at = (path: string) => `${url}/${path}`;
  const time = '2024-01-01T00:00:00Z';
  return {
    id: 1,
    node_id: 'R_1',
    name,
    full_name: fullName,
    license: null,
    forks: 0,
    owner: simpleUser(api, owner, 'Organization'),
    private: false,
    html_url: `${web}/${fullName}`,
    description: null,
    fork: false,
    url,
    archive_url: at('{archive_format}{/ref}'),
    assignees_url: at('assignees{/user}'),
    blobs_url: at('git/blobs{/sha}'),
    branches_url: at('branches{/branch}'),
    collaborators_url: at('collaborators{/collaborator}'),
    comments_url: at('comments{/number}'),
    commits_url: at('commits{/sha}'),
    compare_url: at('compare/{base}...{head}'),
    contents_url: at('contents/{+path}'),
    contributors_url: at('contributors'),
    deployments_url: at('deployments'),
    downloads_url: at('downloads'),
    events_url: at('events'),
    forks_url: at('forks'),
    git_commits_url: at('git/commits{/sha}'),
    git_refs_url: at('git/refs{/sha}'),
    git_tags_url: at('git/tags{/sha}'),
    git_url: `git:${web.slice('https:'.length)}/${fullName}.git`,
    issue_comment_url: at('issues/comments{/number}'),
    issue_events_url: at('issues/events{/number}'),
    issues_url: at('issues{/number}'),
    keys_url: at('keys{/key_id}'),
    labels_url: at('labels{/name}'),
    languages_url: at('languages'),
    merges_url: at('merges'),
    milestones_url: at('milestones{/number}'),
    notifications_url: at('notifications{?since,all,participating}'),
    pulls_url: at('pulls{/number}'),
    releases_url: at('releases{/id}'),
    ssh_url: `git@${web.slice('https://'.length)}:${fullName}.git`,
    stargazers_url: at('stargazers'),
    statuses_url: at('statuses/{sha}'),
    subscribers_url: at('subscribers'),
    subscription_url: at('subscription'),
    tags_url: at('tags'),
    teams_url: at('teams'),
    trees_url: at('git/trees{/sha}'),
    clone_url: `${web}/${fullName}.git`,
    mirror_url: null,
    hooks_url: at('hooks'),
    svn_url: `${web}/${fullName}`,
    homepage: null,
    language: null,
    forks_count: 0,
    stargazers_count: 0,
    watchers_count: 0,
    size: 0,
    default_branch: 'main',
    open_issues_count: 0,
    has_issues: true,
    has_projects: true,
    has_wiki: true,
    has_pages: false,
    has_downloads: true,
    archived: false,
    disabled: false,
    pushed_at: time,
    created_at: time,
    updated_at: time,
    open_issues: 0,
    watchers: 0,
  };
}

/** A pull request as GitHub's REST list renders it (pull-request-simple), from branch `change-N` into `main`. */
export function pullRequestSimple(api: string, fullName: string, p: FakePull): PullRequestSimple {
  const repo = repository(api, fullName);
  const url = `${repo.url}/pulls/${p.number}`;
  const issue = `${repo.url}/issues/${p.number}`;
  const html = `${repo.html_url}/pull/${p.number}`;
  const sha = p.number.toString(16).padStart(40, '0');
  const branch = (ref: string, at: string) => ({
    label: `${repo.owner.login}:${ref}`,
    ref,
    repo,
    sha: at,
    user: repo.owner,
  });
  const link = (href: string) => ({ href });
  return {
    url,
    id: p.number * 1000,
    node_id: `PR_${p.number}`,
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: issue,
    commits_url: `${url}/commits`,
    review_comments_url: `${url}/comments`,
    review_comment_url: `${repo.url}/pulls/comments{/number}`,
    comments_url: `${issue}/comments`,
    statuses_url: `${repo.url}/statuses/${sha}`,
    number: p.number,
    state: p.closed || p.merged ? 'closed' : 'open',
    locked: false,
    title: `Change ${p.number}`,
    user: simpleUser(api, p.login, p.type ?? 'User'),
    body: p.body ?? null,
    labels: (p.labels ?? []).map((name, i) => ({
      id: i + 1,
      node_id: `LA_${name}`,
      url: `${repo.url}/labels/${encodeURIComponent(name)}`,
      name,
      description: '',
      color: 'ededed',
      default: false,
    })),
    milestone: null,
    created_at: p.created,
    updated_at: p.updated,
    closed_at: p.closed ?? p.merged ?? null,
    merged_at: p.merged ?? null,
    merge_commit_sha: p.merged ? sha : null,
    assignee: null,
    requested_reviewers: (p.requested ?? []).map((login) => simpleUser(api, login, 'User')),
    requested_teams: [],
    head: branch(`change-${p.number}`, sha),
    base: branch('main', '0'.repeat(40)),
    _links: {
      comments: link(`${issue}/comments`),
      commits: link(`${url}/commits`),
      statuses: link(`${repo.url}/statuses/${sha}`),
      html: link(html),
      issue: link(issue),
      review_comments: link(`${url}/comments`),
      review_comment: link(`${repo.url}/pulls/comments{/number}`),
      self: link(url),
    },
    author_association: 'MEMBER',
    auto_merge: null,
    draft: p.draft ?? false,
  };
}
