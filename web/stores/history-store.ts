import { type Accessor, createResource, createSignal } from 'solid-js';
import type { HistoryImportSummary } from '../../shared/contract/history-imports';
import { historyApi } from '../api/history-client';

/**
 * Review history of the org: weekly totals per team (everyone), and for planners and admins the
 * sources, imports and unmatched identities; uploads a git log with progress.
 */
export function createHistoryStore(orgSlug: Accessor<string | null>, canImport: Accessor<boolean>) {
  const [weeks, weeksActions] = createResource(orgSlug, (slug) => historyApi.weeklyTotals(slug));
  const [overview, overviewActions] = createResource(
    () => (canImport() ? orgSlug() : null),
    (slug) => historyApi.overview(slug),
  );
  const [progress, setProgress] = createSignal<number | null>(null);
  const [uploadError, setUploadError] = createSignal<unknown>(null);
  const [lastImport, setLastImport] = createSignal<HistoryImportSummary | null>(null);
  const upload = async (file: File, team: string) => {
    const slug = orgSlug();
    if (!slug) return;
    setUploadError(null);
    setProgress(0);
    try {
      setLastImport(await historyApi.uploadGitLog(slug, file, team, setProgress));
      await Promise.all([weeksActions.refetch(), overviewActions.refetch()]);
    } catch (error) {
      setUploadError(error);
    } finally {
      setProgress(null);
    }
  };
  const reload = () => Promise.all([weeksActions.refetch(), overviewActions.refetch()]);
  /** Maps an identity to a roster row, then reloads (the person leaves the unmatched list); throws the API's error. */
  const setAlias = async (identity: string, employeeId: string) => {
    const slug = orgSlug();
    if (!slug) return;
    await historyApi.setAlias(slug, identity, employeeId);
    await reload();
  };
  return [
    { weeks, overview, progress, uploadError, lastImport },
    { upload, reload, setAlias },
  ] as const;
}

export type HistoryStore = ReturnType<typeof createHistoryStore>;
