import { type Accessor, createResource, createSignal } from 'solid-js';
import { api } from '../api/client';

/** The capacity report of the plan of record (JSON rows) and its CSV address; fetched once a page asks. */
export function createReportsStore(orgSlug: Accessor<string | null>) {
  const [wanted, setWanted] = createSignal(false);
  const [capacity, { refetch }] = createResource(
    () => (wanted() ? orgSlug() : null),
    (slug) => api.capacityReport(slug),
  );
  const csvUrl = () => {
    const slug = orgSlug();
    return slug ? api.capacityReportCsvUrl(slug) : null;
  };
  return [
    { capacity, csvUrl },
    { open: () => setWanted(true), reload: refetch },
  ] as const;
}

export type ReportsStore = ReturnType<typeof createReportsStore>;
