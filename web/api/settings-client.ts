import type { Level, ParameterRange, ParametersPatch, RangesPatch } from '../../shared';
import type { AuditEntry } from '../../shared/contract/audit-entry';
import { request } from './client';
import type { Page } from './types';

/** GET /orgs/{org}: the org's settings and its model revision. */
export interface OrgSettings {
  slug: string;
  name: string;
  timeZone: string;
  levels: Level[];
  modelRevision: number;
}

/** One row of the parameter catalogue (GET /orgs/{org}/parameters). */
export interface ModelParameter {
  name: string;
  label: string;
  unit: string;
  source: string;
  default: number;
  value: number;
  overridden: boolean;
  min: number;
  max: number;
  aboveMin: boolean;
  uncertainty: [number, number] | null;
  /** The Monte Carlo range in the parameter's unit; null when the parameter is fixed. */
  range: ParameterRange | null;
  rangeChanged: boolean;
}

/** A change of parameter values and ranges (null restores a default). */
export interface ParametersChange {
  parameters?: ParametersPatch;
  ranges?: RangesPatch;
}

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
  org: (slug: string) => request<OrgSettings>('GET', org(slug)),
  saveLevels: (slug: string, levels: Level[]) =>
    request<OrgSettings>('PATCH', org(slug), { body: { levels } }),
  saveParameters: (slug: string, change: ParametersChange) =>
    request<OrgSettings>('PATCH', org(slug), { body: change }),
  parameters: (slug: string) =>
    request<{ items: ModelParameter[]; modelRevision: number }>('GET', `${org(slug)}/parameters`),
  audit: (slug: string, filter: AuditFilter, cursor?: string) =>
    request<Page<AuditEntry> & { actions: string[]; entities: string[] }>(
      'GET',
      `${org(slug)}/audit?${auditQuery(filter, cursor ? { limit: '50', cursor } : { limit: '50' })}`,
    ),
  /** Where the browser downloads the filtered log as CSV (a plain link; the session cookie signs it). */
  auditCsvHref: (slug: string, filter: AuditFilter) =>
    `/api/v1${org(slug)}/audit?${auditQuery(filter, { format: 'csv' })}`,
};
