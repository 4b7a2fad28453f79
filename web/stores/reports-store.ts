import { type Accessor, createSignal } from 'solid-js';
import type { ForecastJob } from '../../shared/contract/forecast-job';
import { api } from '../api/client';
import type { TeamCapacityReport } from '../api/types';
import { createDeferredAnswer } from '../forecast/deferred-answer';

/** Whether the capacity report's answer is the report (else the background job computing its run). */
const isReport = (body: TeamCapacityReport | ForecastJob): body is TeamCapacityReport => 'rows' in body;

/**
 * The capacity report of the plan of record (JSON rows) and the CSV addresses of the same scenario
 * version, one row per team or per team and week; fetched once a page asks. A large org's run not
 * stored yet is computed by a background job, followed until the report can be read.
 */
export function createReportsStore(orgSlug: Accessor<string | null>) {
  const [wanted, setWanted] = createSignal(false);
  const capacity = createDeferredAnswer(
    () => {
      const slug = wanted() ? orgSlug() : null;
      return slug ? { slug } : null;
    },
    ({ slug }) => api.capacityReport(slug),
    isReport,
  );
  const csvUrl = (grain: 'team' | 'week') => {
    const slug = orgSlug();
    const report = capacity.loaded();
    return slug && report
      ? api.capacityReportCsvUrl(slug, {
          scenario: report.scenario.id,
          version: report.scenario.version,
          grain,
        })
      : null;
  };
  return [
    {
      capacity: capacity.loaded,
      /** The background job computing the report's run while it is not stored (large orgs). */
      computing: capacity.computing,
      error: capacity.error,
      csvUrl,
    },
    { open: () => setWanted(true), reload: capacity.refetch },
  ] as const;
}

export type ReportsStore = ReturnType<typeof createReportsStore>;
