import type { HistoryWeek } from '../../shared';
import { toApiError } from './api-error';
import { csrfToken, request } from './client';

/** GET /history: sources, latest imports, unmatched identities (planners and admins). */
export interface HistoryOverview {
  sources: {
    id: string;
    kind: string;
    name: string;
    team: string | null;
    lastImportAt: string | null;
    changes: number;
  }[];
  imports: {
    id: string;
    status: string;
    changesRead: number;
    createdAt: string;
    finishedAt: string | null;
  }[];
  unmatched: { identity: string; name: string; authored: number; signedOff: number; reviewed: number }[];
  /** The live GitHub sync; null when not configured. */
  github: GithubSync | null;
}

/** GitHub sync settings and per-repository state (the token is never sent back). */
export interface GithubSync {
  baseUrl: string;
  tokenSet: boolean;
  schedule: string | null;
  timezone: string;
  nextSyncAt: string | null;
  lastSyncAt: string | null;
  repositories: {
    repo: string;
    team: string | null;
    lastSyncAt: string | null;
    lastStatus: 'ok' | 'unchanged' | 'failed' | null;
    lastError: string | null;
    pullsRead: number;
    syncedThrough: string | null;
    resumePage: number | null;
  }[];
}

/** What an admin saves; `token` omitted keeps the stored one. */
export interface GithubSyncInput {
  baseUrl: string;
  token?: string;
  schedule: string | null;
  timezone: string;
  repositories: { repo: string; team: string | null }[];
}

/** The summary of a finished import. */
export interface HistoryImportSummary {
  job: string;
  commits: number;
  people: number;
  matched: number;
  unmatched: number;
  weeks: number;
  from: string | null;
  to: string | null;
}

const org = (slug: string) => `/orgs/${encodeURIComponent(slug)}`;

export const historyApi = {
  /** Weekly totals per team (level `all`). */
  weeklyTotals: (slug: string) =>
    request<{ items: HistoryWeek[] }>('GET', `${org(slug)}/history/weekly?totals=true`).then((r) => r.items),
  overview: (slug: string) => request<HistoryOverview>('GET', `${org(slug)}/history`),
  /** Maps an identity to a roster employee_id (like a mailmap line). */
  setAlias: (slug: string, identity: string, employeeId: string) =>
    request<{ identity: string; employeeId: string }>('POST', `${org(slug)}/history/aliases`, {
      body: { identity, employeeId },
    }),
  saveGithubSync: (slug: string, body: GithubSyncInput) =>
    request<GithubSync>('PUT', `${org(slug)}/history/github/settings`, { body }),
  /** Starts a sync; resolves with its job id. */
  syncGithub: (slug: string) =>
    request<{ job: string }>('POST', `${org(slug)}/history/github/sync`).then((r) => r.job),
  importJob: (slug: string, id: string) =>
    request<{ status: string; changesRead: number; error: { detail?: string } | null }>(
      'GET',
      `${org(slug)}/history/imports/${encodeURIComponent(id)}`,
    ),
  /**
   * Uploads a git log file (plain or .gz) with upload progress (0-1) reported to `onProgress`:
   * fetch reports no upload progress, so this one call uses XMLHttpRequest.
   */
  uploadGitLog: (slug: string, file: File, team: string, onProgress: (share: number) => void) =>
    new Promise<HistoryImportSummary>((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      const query = team ? `?team=${encodeURIComponent(team)}` : '';
      xhr.open('POST', `/api/v1${org(slug)}/history/git${query}`);
      xhr.setRequestHeader('content-type', file.name.endsWith('.gz') ? 'application/gzip' : 'text/plain');
      const csrf = csrfToken();
      if (csrf) xhr.setRequestHeader('x-csrf-token', decodeURIComponent(csrf));
      xhr.upload.onprogress = (event) => event.lengthComputable && onProgress(event.loaded / event.total);
      xhr.onerror = () => reject(new Error('Could not reach the server'));
      xhr.onload = async () => {
        const response = new Response(xhr.responseText, {
          status: xhr.status,
          headers: { 'content-type': xhr.getResponseHeader('content-type') ?? '' },
        });
        if (xhr.status >= 400) reject(await toApiError(response));
        else resolve((await response.json()) as HistoryImportSummary);
      };
      xhr.send(file);
    }),
};
