import type { Level, OrgPatch, OrgView, ParameterCatalogue } from '../../shared';
import type { AuditEntry } from '../../shared/contract/audit-entry';
import { request } from './client';
import type { Page } from './types';

export type { ModelParameter, OrgView } from '../../shared';

/** A change of parameter values and ranges (null restores a default). */
export type ParametersChange = Pick<OrgPatch, 'parameters' | 'ranges'>;

/** Audit filters as the API takes them; empty strings are left out. */
export interface AuditFilter {
  actor?: string;
  action?: string;
  entity?: string;
  from?: string;
  to?: string;
}

const org = (slug: string) => `/orgs/${encodeURIComponent(slug)}`;

/** The query string of `filter` plus `extra` (e.g. a cursor or `format=csv`). */
export const auditQuery = (filter: AuditFilter, extra: Record<string, string> = {}): string => {
  const pairs = Object.entries({ ...filter, ...extra }).filter(([, value]) => value);
  return new URLSearchParams(pairs as [string, string][]).toString();
};

/** Org settings (ladder, parameters) and the audit log (admins). */
export const settingsApi = {
  org: (slug: string) => request<OrgView>('GET', org(slug)),
  saveLevels: (slug: string, levels: Level[]) =>
    request<OrgView>('PATCH', org(slug), { body: { levels } satisfies OrgPatch }),
  saveParameters: (slug: string, change: ParametersChange) =>
    request<OrgView>('PATCH', org(slug), { body: change satisfies OrgPatch }),
  parameters: (slug: string) => request<ParameterCatalogue>('GET', `${org(slug)}/parameters`),
  audit: (slug: string, filter: AuditFilter, cursor?: string) =>
    request<Page<AuditEntry> & { actions: string[]; entities: string[] }>(
      'GET',
      `${org(slug)}/audit?${auditQuery(filter, cursor ? { limit: '50', cursor } : { limit: '50' })}`,
    ),
  /** Where the browser downloads the filtered log as CSV (a plain link; the session cookie signs it). */
  auditCsvHref: (slug: string, filter: AuditFilter) =>
    `/api/v1${org(slug)}/audit?${auditQuery(filter, { format: 'csv' })}`,
};
