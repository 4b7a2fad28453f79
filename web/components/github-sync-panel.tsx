import { createSignal, For, Show } from 'solid-js';
import type { GithubSettings } from '../../shared/contract/history-imports';
import { historyApi } from '../api/history-client';
import { ErrorMessage } from './states';

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : 'never');

function RepositoryTable(props: { sync: GithubSettings }) {
  return (
    <div class="table-scroll">
      <table aria-label="GitHub repositories">
        <thead>
          <tr>
            <th>Repository</th>
            <th>Team</th>
            <th>Last sync</th>
            <th>Status</th>
            <th>Pull requests read</th>
            <th>Synced through</th>
          </tr>
        </thead>
        <tbody>
          <For each={props.sync.repositories}>
            {(r) => (
              <tr>
                <td>
                  <code>{r.repo}</code>
                </td>
                <td>{r.team ?? 'by author'}</td>
                <td>{when(r.lastSyncAt)}</td>
                <td>
                  {r.lastStatus ?? 'not yet'}
                  <Show when={r.resumePage}> · resumes at page {r.resumePage}</Show>
                  <Show when={r.lastError}>
                    <div class="muted">{r.lastError}</div>
                  </Show>
                </td>
                <td class="num">{r.pullsRead}</td>
                <td>{when(r.syncedThrough)}</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}

const repoLines = (sync: GithubSettings | null) =>
  (sync?.repositories ?? []).map((r) => (r.team ? `${r.repo} ${r.team}` : r.repo)).join('\n');

function SettingsForm(props: { slug: string; sync: GithubSettings | null; saved: () => Promise<unknown> }) {
  const [baseUrl, setBaseUrl] = createSignal(props.sync?.baseUrl ?? 'https://api.github.com');
  const [token, setToken] = createSignal('');
  const [schedule, setSchedule] = createSignal(props.sync?.schedule ?? '0 * * * *');
  const [repos, setRepos] = createSignal(repoLines(props.sync));
  const [error, setError] = createSignal<unknown>(null);
  const submit = async (event: Event) => {
    event.preventDefault();
    setError(null);
    try {
      await historyApi.saveGithubSync(props.slug, {
        baseUrl: baseUrl().trim(),
        ...(token() ? { token: token() } : {}),
        schedule: schedule().trim() || null,
        timezone: props.sync?.timezone ?? 'UTC',
        repositories: repos()
          .split('\n')
          .map((line) => line.trim())
          .filter(Boolean)
          .map((line) => {
            const [repo = '', ...team] = line.split(/\s+/);
            return { repo, team: team.join(' ') || null };
          }),
      });
      setToken('');
      await props.saved();
    } catch (caught) {
      setError(caught);
    }
  };
  return (
    <form class="stack" aria-label="GitHub sync settings" onSubmit={(event) => void submit(event)}>
      <label>
        API base URL{' '}
        <input type="url" required value={baseUrl()} onInput={(e) => setBaseUrl(e.currentTarget.value)} />
      </label>
      <label>
        Token{' '}
        <input
          type="password"
          autocomplete="off"
          placeholder={props.sync?.tokenSet ? 'stored (leave empty to keep)' : 'none stored'}
          value={token()}
          onInput={(e) => setToken(e.currentTarget.value)}
        />
      </label>
      <label>
        Schedule (cron, empty = on demand only){' '}
        <input type="text" value={schedule()} onInput={(e) => setSchedule(e.currentTarget.value)} />
      </label>
      <label>
        Repositories (one per line: owner/repo, then an optional team)
        <textarea rows={3} value={repos()} onInput={(e) => setRepos(e.currentTarget.value)} />
      </label>
      <button type="submit">Save sync settings</button>
      <Show when={error()}>
        <ErrorMessage error={error()} />
      </Show>
    </form>
  );
}

/**
 * The live GitHub sync on the History page: every repository's last sync, status and cursor; for
 * admins a Sync now button (polls the job, then reloads) and the settings form.
 */
export function GithubSyncPanel(props: {
  slug: string;
  sync: GithubSettings | null;
  isAdmin: boolean;
  reload: () => Promise<unknown>;
}) {
  const [running, setRunning] = createSignal<number | null>(null);
  const [error, setError] = createSignal<unknown>(null);
  const syncNow = async () => {
    setError(null);
    setRunning(0);
    try {
      const job = await historyApi.syncGithub(props.slug);
      for (;;) {
        const view = await historyApi.importJob(props.slug, job);
        setRunning(view.changesRead);
        if (view.status !== 'running') break;
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      await props.reload();
    } catch (caught) {
      setError(caught);
    } finally {
      setRunning(null);
    }
  };
  return (
    <>
      <h3>GitHub sync</h3>
      <Show
        when={props.sync}
        fallback={
          <p class="muted">
            Live GitHub sync is not configured{props.isAdmin ? '' : ' (an admin sets it up)'}.
          </p>
        }
      >
        {(sync) => (
          <>
            <p class="muted">
              {sync().baseUrl} ·{' '}
              {sync().schedule
                ? `schedule ${sync().schedule} (${sync().timezone}), next ${when(sync().nextSyncAt)}`
                : 'on demand only'}{' '}
              · last sync {when(sync().lastSyncAt)}
            </p>
            <RepositoryTable sync={sync()} />
          </>
        )}
      </Show>
      <Show when={props.isAdmin}>
        <Show when={props.sync}>
          <button type="button" disabled={running() !== null} onClick={() => void syncNow()}>
            {running() === null ? 'Sync now' : `Syncing… ${running()} pull requests read`}
          </button>
        </Show>
        <Show when={error()}>
          <ErrorMessage error={error()} />
        </Show>
        <details>
          <summary>Sync settings</summary>
          <SettingsForm slug={props.slug} sync={props.sync} saved={props.reload} />
        </details>
      </Show>
    </>
  );
}
