import type { HistoryWeek } from '../../shared';
import type {
  GithubSettings,
  GithubSettingsInput,
  HistoryImportSummary,
  HistoryOverview,
} from '../../shared/contract/history-imports';
import { toApiError } from './api-error';
import { csrfToken, request } from './client';

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
  saveGithubSync: (slug: string, body: GithubSettingsInput) =>
    request<GithubSettings>('PUT', `${org(slug)}/history/github/settings`, { body }),
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
