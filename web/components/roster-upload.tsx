import { createSignal, For, Show } from 'solid-js';
import type { RosterImport, RosterMode, RosterPreview } from '../api/types';
import { useStores } from '../stores/context';
import { RosterChanges } from './roster-changes';
import { ErrorMessage } from './states';

/**
 * Roster import in two steps: pick a file and say how it applies (merge or replace, no default),
 * see what would change, then confirm. The API imports all of it or nothing, and every bad row
 * shows with its line.
 */
export function RosterUpload() {
  const { teams, model } = useStores();
  const actions = teams[1];
  const [csv, setCsv] = createSignal<{ name: string; text: string } | null>(null);
  const [mode, setMode] = createSignal<RosterMode | null>(null);
  const [preview, setPreview] = createSignal<RosterPreview | null>(null);
  const [busy, setBusy] = createSignal<string | null>(null);
  const [error, setError] = createSignal<unknown>(null);
  const [result, setResult] = createSignal<RosterImport | null>(null);
  const levels = () => model[0].model()?.org.levels ?? [];
  const step = async (label: string, work: () => Promise<void>) => {
    setBusy(label);
    setError(null);
    try {
      await work();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(null);
    }
  };
  const choose = (how: RosterMode) => {
    setMode(how);
    refresh();
  };
  const cancel = () => {
    setCsv(null);
    setPreview(null);
  };
  const refresh = () => {
    const file = csv();
    const how = mode();
    setPreview(null);
    if (file && how)
      void step('Checking the file…', async () => {
        setPreview(await actions.previewRoster(file.text, how));
      });
  };
  const confirm = () => {
    const file = csv();
    const how = mode();
    if (!file || !how) return;
    void step('Importing…', async () => {
      setResult(await actions.importRoster(file.text, how));
      setCsv(null);
      setPreview(null);
    });
  };
  return (
    <section class="panel roster" aria-labelledby="roster-title">
      <h3 id="roster-title">Import roster</h3>
      <p class="muted">
        CSV with a header row: <code>employee_id,team,level,hire_date[,manager_id][,email][,github]</code>.
        Nothing changes until you confirm, and then only if every row is valid.
      </p>
      <p class="muted">
        Levels (id or name):{' '}
        <For each={levels()}>
          {(l, i) => (
            <>
              {i() > 0 ? ', ' : ''}
              <code>{l.id}</code>
              {l.name ? ` (${l.name})` : ''}
            </>
          )}
        </For>
      </p>
      <label for="roster-file">Roster CSV file</label>
      <input
        id="roster-file"
        type="file"
        accept=".csv,text/csv"
        disabled={busy() !== null}
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          event.currentTarget.value = '';
          setResult(null);
          if (!file) return;
          void file.text().then((text) => {
            setCsv({ name: file.name, text });
            refresh();
          });
        }}
      />
      <Show when={csv()}>{(file) => <p>File: {file().name}</p>}</Show>
      <fieldset class="roster-mode">
        <legend>How to apply the file</legend>
        <label>
          <input
            type="radio"
            name="roster-mode"
            value="merge"
            checked={mode() === 'merge'}
            onChange={() => choose('merge')}
          />{' '}
          Merge: add and update the file's people; remove no one
        </label>
        <label>
          <input
            type="radio"
            name="roster-mode"
            value="replace"
            checked={mode() === 'replace'}
            onChange={() => choose('replace')}
          />{' '}
          Replace: the file is the whole roster; people not in it are removed
        </label>
      </fieldset>
      <Show when={busy()}>{(label) => <p role="status">{label()}</p>}</Show>
      <Show when={preview()}>
        {(p) => (
          <>
            <RosterChanges preview={p()} />
            <div class="actions">
              <button type="button" disabled={busy() !== null} onClick={confirm}>
                Confirm import ({p().mode})
              </button>
              <button type="button" class="secondary" onClick={cancel}>
                Cancel
              </button>
            </div>
          </>
        )}
      </Show>
      <Show when={result()}>
        {(done) => (
          <p role="status" class="ok">
            Imported {done().imported} engineers into {done().teams} teams ({done().mode}):{' '}
            {done().people.added} added, {done().people.moved} moved, {done().people.removed} removed.
          </p>
        )}
      </Show>
      <Show when={error()}>
        <ErrorMessage error={error()} />
      </Show>
    </section>
  );
}
