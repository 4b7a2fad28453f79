import type { ScenarioInput, Thresholds } from '../../shared';
import type { ForecastJob } from '../../shared/contract/forecast-job';
import { ApiError, toApiError } from './api-error';
import type {
  DashboardView,
  ForecastRun,
  Me,
  OrgModel,
  OrgThresholds,
  Page,
  RosterImport,
  RosterMode,
  RosterPreview,
  ScenarioSummary,
  ScenarioVersion,
  Team,
  TeamCapacityReport,
  TeamDeletion,
  VersionDiff,
  VersionEntry,
} from './types';

const base = '/api/v1';
const unsafe = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The double-submit CSRF token the server set at sign-in (cookie `rl_csrf`). */
export const csrfToken = (): string | undefined =>
  document.cookie
    .split('; ')
    .find((part) => part.startsWith('rl_csrf='))
    ?.slice('rl_csrf='.length);

interface RequestOptions {
  body?: unknown;
  text?: { contentType: string; content: string };
}

/** Every HTTP call of the app goes through here: JSON in and out, problem+json as ApiError. */
export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  let body: string | undefined;
  if (options.text) {
    headers['content-type'] = options.text.contentType;
    body = options.text.content;
  } else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  const token = csrfToken();
  if (unsafe.has(method) && token) headers['x-csrf-token'] = decodeURIComponent(token);
  let response: Response;
  try {
    response = await fetch(base + path, { method, headers, body, credentials: 'same-origin' });
  } catch (error) {
    throw new ApiError(0, 'Network error', `Could not reach the server: ${String(error)}`);
  }
  if (!response.ok) throw await toApiError(response);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

const org = (slug: string) => `/orgs/${encodeURIComponent(slug)}`;

/** Follows `nextCursor` until the list is complete. */
async function all<T>(path: string): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const query: string = cursor ? `?limit=100&cursor=${encodeURIComponent(cursor)}` : '?limit=100';
    const page: Page<T> = await request<Page<T>>('GET', path + query);
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

export const api = {
  /** Whether this browser holds a session's CSRF cookie (set at sign-in, cleared at sign-out). */
  hasSession: () => csrfToken() !== undefined,
  login: (email: string, password: string) =>
    request<Me>('POST', '/auth/login', { body: { email, password } }),
  logout: () => request<void>('POST', '/auth/logout'),
  me: () => request<Me>('GET', '/auth/me'),
  model: (slug: string) => request<OrgModel>('GET', `${org(slug)}/model`),
  /** Admins: the org's time zone (its weeks start at the local Monday 00:00 there). */
  setOrgTimeZone: (slug: string, timeZone: string) =>
    request<{ slug: string; name: string; timeZone: string }>('PATCH', org(slug), { body: { timeZone } }),
  teams: (slug: string) => all<Team>(`${org(slug)}/teams`),
  updateTeam: (slug: string, id: string, headcount: Record<string, number>) =>
    request<Team>('PATCH', `${org(slug)}/teams/${encodeURIComponent(id)}`, { body: { headcount } }),
  teamDeletion: (slug: string, id: string) =>
    request<TeamDeletion>('GET', `${org(slug)}/teams/${encodeURIComponent(id)}/deletion`),
  deleteTeam: (slug: string, id: string, moveEngineersTo?: string) =>
    request<void>(
      'DELETE',
      `${org(slug)}/teams/${encodeURIComponent(id)}${
        moveEngineersTo ? `?moveEngineersTo=${encodeURIComponent(moveEngineersTo)}` : ''
      }`,
    ),
  previewRoster: (slug: string, csv: string, mode: RosterMode) =>
    request<RosterPreview>('POST', `${org(slug)}/roster/preview?mode=${mode}`, {
      text: { contentType: 'text/csv', content: csv },
    }),
  importRoster: (slug: string, csv: string, mode: RosterMode) =>
    request<RosterImport>('POST', `${org(slug)}/roster/import?mode=${mode}`, {
      text: { contentType: 'text/csv', content: csv },
    }),
  scenarios: (slug: string) => all<ScenarioSummary>(`${org(slug)}/scenarios`),
  scenario: (slug: string, id: string) =>
    request<ScenarioVersion>('GET', `${org(slug)}/scenarios/${encodeURIComponent(id)}`),
  /** Version `version` of a scenario, or its latest without one. */
  scenarioVersion: (slug: string, id: string, version: number) =>
    request<ScenarioVersion>(
      'GET',
      `${org(slug)}/scenarios/${encodeURIComponent(id)}/versions/${encodeURIComponent(version)}`,
    ),
  /** Every version of a scenario, newest first (without bodies). */
  scenarioVersions: (slug: string, id: string) =>
    all<VersionEntry>(`${org(slug)}/scenarios/${encodeURIComponent(id)}/versions`),
  scenarioDiff: (slug: string, id: string, from: number, to: number) =>
    request<VersionDiff>(
      'GET',
      `${org(slug)}/scenarios/${encodeURIComponent(id)}/diff?from=${from}&to=${to}`,
    ),
  createScenario: (slug: string, scenario: ScenarioInput) =>
    request<ScenarioVersion>('POST', `${org(slug)}/scenarios`, { body: scenario }),
  addVersion: (slug: string, id: string, scenario: ScenarioInput) =>
    request<ScenarioVersion>('POST', `${org(slug)}/scenarios/${encodeURIComponent(id)}/versions`, {
      body: scenario,
    }),
  markPlanOfRecord: (slug: string, id: string) =>
    request<unknown>('POST', `${org(slug)}/scenarios/${encodeURIComponent(id)}/plan-of-record`),
  forecast: (slug: string, id: string, options: { runs?: number; horizon?: number; version?: number } = {}) =>
    request<ForecastRun>('POST', `${org(slug)}/scenarios/${encodeURIComponent(id)}/forecast`, {
      body: options,
    }),
  /** Starts the default forecast of a scenario's latest version as a background job (planners, admins). */
  startForecastJob: (slug: string, id: string) =>
    request<ForecastJob>('POST', `${org(slug)}/scenarios/${encodeURIComponent(id)}/forecast-jobs`, {
      body: {},
    }),
  forecastJob: (slug: string, jobId: string) =>
    request<ForecastJob>('GET', `${org(slug)}/forecast-jobs/${encodeURIComponent(jobId)}`),
  thresholds: (slug: string) => request<OrgThresholds>('GET', `${org(slug)}/thresholds`),
  saveThresholds: (slug: string, changes: Partial<Thresholds>) =>
    request<OrgThresholds>('PATCH', `${org(slug)}/thresholds`, { body: changes }),
  resetThresholds: (slug: string) => request<OrgThresholds>('DELETE', `${org(slug)}/thresholds`),
  /**
   * What the Dashboard shows of a scenario's stored default forecast without its teams (large orgs):
   * org bands, the teams' tally, the burnout heat map grouped by peak rank, the team answers; or,
   * while the run is not stored, the background job computing it (202).
   */
  dashboard: (slug: string, scenario: string) =>
    request<DashboardView | ForecastJob>(
      'GET',
      `${org(slug)}/reports/dashboard?scenario=${encodeURIComponent(scenario)}`,
    ),
  /** The plan of record's capacity report; or, while a large org's run is not stored, the background job computing it (202). */
  capacityReport: (slug: string) =>
    request<TeamCapacityReport | ForecastJob>('GET', `${org(slug)}/reports/capacity?format=json`),
  /**
   * Address of the capacity report of a scenario version as CSV, one row per team or per team and
   * week, for a plain download link (the session cookie authenticates it).
   */
  capacityReportCsvUrl: (slug: string, of: { scenario: string; version: number; grain: 'team' | 'week' }) =>
    `${base}${org(slug)}/reports/capacity?format=csv&grain=${of.grain}&scenario=${encodeURIComponent(of.scenario)}&version=${of.version}`,
};
