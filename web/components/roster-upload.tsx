import { createSignal, Show } from 'solid-js';
import type { RosterImport } from '../api/types';
import { useStores } from '../stores/context';
import { ErrorMessage } from './states';

/** Uploads a roster CSV; the API imports all of it or nothing, and every bad row shows with its line. */
export function RosterUpload() {
  const [, actions] = useStores().teams;
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<unknown>(null);
  const [result, setResult] = createSignal<RosterImport | null>(null);
  const upload = async (file: File) => {
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      setResult(await actions.importRoster(await file.text()));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="panel roster" aria-labelledby="roster-title">
      <h3 id="roster-title">Import roster</h3>
      <p class="muted">
        CSV with a header row: <code>employee_id,team,level,hire_date[,manager_id][,email][,github]</code>.
        The roster replaces the current one only when every row is valid.
      </p>
      <label for="roster-file">Roster CSV file</label>
      <input
        id="roster-file"
        type="file"
        accept=".csv,text/csv"
        disabled={busy()}
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          event.currentTarget.value = '';
          if (file) void upload(file);
        }}
      />
      <Show when={busy()}>
        <p role="status">Importing…</p>
      </Show>
      <Show when={result()}>
        {(done) => (
          <p role="status" class="ok">
            Imported {done().imported} engineers into {done().teams} teams.
          </p>
        )}
      </Show>
      <Show when={error()}>
        <ErrorMessage error={error()} />
      </Show>
    </section>
  );
}
