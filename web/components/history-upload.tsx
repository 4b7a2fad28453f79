import { createSignal, Show } from 'solid-js';
import type { HistoryStore } from '../stores/history-store';
import { ErrorMessage } from './states';

/** Uploads a git log (plain or .gz) with a progress bar; the API stores all of it or nothing. */
export function HistoryUpload(props: { store: HistoryStore }) {
  const [state, actions] = props.store;
  const [team, setTeam] = createSignal('');
  return (
    <section class="panel roster" aria-labelledby="history-upload-title">
      <h3 id="history-upload-title">Import git history</h3>
      <p class="muted">
        The output of{' '}
        <code>
          git log --no-merges --shortstat
          --format='%x1e%H%x1f%aN%x1f%aE%x1f%aI%x1f%cN%x1f%cE%x1f%cI%x1f%B%x1f'
        </code>
        , plain or gzip. Importing the same commits again changes nothing.
      </p>
      <label for="history-team">Team (optional; created if missing)</label>
      <input id="history-team" type="text" value={team()} onInput={(e) => setTeam(e.currentTarget.value)} />
      <label for="history-file">Git log file</label>
      <input
        id="history-file"
        type="file"
        accept=".log,.txt,.gz,text/plain,application/gzip"
        disabled={state.progress() !== null}
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          event.currentTarget.value = '';
          if (file) void actions.upload(file, team().trim());
        }}
      />
      <Show when={state.progress() !== null}>
        <p role="status">
          <progress max="1" value={state.progress() ?? 0} aria-label="Upload progress" />{' '}
          {state.progress()! < 1 ? 'Uploading…' : 'Importing…'}
        </p>
      </Show>
      <Show when={state.lastImport()}>
        {(done) => (
          <p role="status" class="ok">
            Imported {done().commits} changes by {done().people} people ({done().matched} on the roster),{' '}
            {done().from} to {done().to}.
          </p>
        )}
      </Show>
      <Show when={state.uploadError()}>
        <ErrorMessage error={state.uploadError()} />
      </Show>
    </section>
  );
}
