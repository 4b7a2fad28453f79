import { type Accessor, createResource, createSignal } from 'solid-js';
import { api } from '../api/client';

/**
 * The capacity report of the plan of record (JSON rows) and the CSV addresses of the same scenario
 * version, one row per team or per team and week; fetched once a page asks.
 */
export function createReportsStore(orgSlug: Accessor<string | null>) {
  const [wanted, setWanted] = createSignal(false);
  const [capacity, { refetch }] = createResource(
    () => (wanted() ? orgSlug() : null),
    (slug) => api.capacityReport(slug),
  );
  const csvUrl = (grain: 'team' | 'week') => {
    const slug = orgSlug();
    const report = capacity.error ? undefined : capacity();
    return slug && report
      ? api.capacityReportCsvUrl(slug, {
          scenario: report.scenario.id,
          version: report.scenario.version,
          grain,
        })
      : null;
  };
  return [
    { capacity, csvUrl },
    { open: () => setWanted(true), reload: refetch },
  ] as const;
}

export type ReportsStore = ReturnType<typeof createReportsStore>;
