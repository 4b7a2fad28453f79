import { createMemo, createSignal, For, Match, Show, Switch } from 'solid-js';
import type { HistoryOverview } from '../../shared/contract/history-imports';
import { AliasForm } from '../components/alias-form';
import { GithubSyncPanel } from '../components/github-sync-panel';
import { HistoryCharts } from '../components/history-charts';
import { HistoryUpload } from '../components/history-upload';
import { Empty, ErrorMessage, Loading } from '../components/states';
import { formatDate } from '../format';
import { useStores } from '../stores/context';
import { createHistoryStore } from '../stores/history-store';

function Sources(props: { overview: HistoryOverview }) {
  return (
    <section class="table-scroll" tabindex="0" aria-label="History sources table">
      <table aria-label="History sources">
        <thead>
          <tr>
            <th>Source</th>
            <th>Team</th>
            <th>Changes</th>
            <th>Last import</th>
          </tr>
        </thead>
        <tbody>
          <For each={props.overview.sources}>
            {(s) => (
              <tr>
                <td>
                  {s.kind}: {s.name}
                </td>
                <td>{s.team ?? 'by author'}</td>
                <td class="num">{s.changes}</td>
                <td>{s.lastImportAt ? new Date(s.lastImportAt).toLocaleString() : 'never'}</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </section>
  );
}

function Unmatched(props: {
  overview: HistoryOverview;
  setAlias: (identity: string, employeeId: string) => Promise<void>;
}) {
  return (
    <Show
      when={props.overview.unmatched.length > 0}
      fallback={<p class="muted">Everyone is matched to the roster.</p>}
    >
      <section class="table-scroll" tabindex="0" aria-label="Unmatched identities table">
        <table aria-label="Unmatched identities">
          <thead>
            <tr>
              <th>Identity</th>
              <th>Name</th>
              <th>Authored</th>
              <th>Signed off</th>
              <th>Reviewed</th>
              <th>Map to roster</th>
            </tr>
          </thead>
          <tbody>
            <For each={props.overview.unmatched.slice(0, 50)}>
              {(u) => (
                <tr>
                  <td>
                    <code>{u.identity}</code>
                  </td>
                  <td>{u.name}</td>
                  <td class="num">{u.authored}</td>
                  <td class="num">{u.signedOff}</td>
                  <td class="num">{u.reviewed}</td>
                  <td>
                    <AliasForm identity={u.identity} save={props.setAlias} />
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </section>
      <Show when={props.overview.unmatched.length > 50}>
        <p class="muted">The first 50 of {props.overview.unmatched.length}, most changes first.</p>
      </Show>
    </Show>
  );
}

/** Review history: weekly series per team, and for planners the sources, uploads and unmatched people. */
export function HistoryPage() {
  const { session } = useStores();
  const store = createHistoryStore(session[0].orgSlug, session[0].canEdit);
  const [state, actions] = store;
  const teams = createMemo(() => [...new Set((state.weeks() ?? []).map((r) => r.team))].sort());
  const [picked, setPicked] = createSignal<string | null>(null);
  const team = () => picked() ?? teams()[0] ?? null;
  const rows = createMemo(() => (state.weeks() ?? []).filter((r) => r.team === team()));
  return (
    <section class="page">
      <h2>Review history</h2>
      <Switch>
        <Match when={state.weeks.error}>
          <ErrorMessage error={state.weeks.error} retry={() => void actions.reload()} />
        </Match>
        <Match when={state.weeks.loading && !state.weeks()}>
          <Loading what="the review history" />
        </Match>
        <Match when={state.weeks()?.length === 0}>
          <Empty title="No review history yet.">
            <p>Import a git log below (or with npm run import -- git) to see weekly series per team.</p>
          </Empty>
        </Match>
        <Match when={rows().length > 0}>
          <div class="page-head">
            <label for="history-team-pick">Team</label>
            <select
              id="history-team-pick"
              value={team() ?? ''}
              onChange={(e) => setPicked(e.currentTarget.value)}
            >
              <For each={teams()}>{(name) => <option value={name}>{name}</option>}</For>
            </select>
            <p class="muted">
              {formatDate(rows()[0]!.week)} to {formatDate(rows().at(-1)!.week)} · {rows().length} weeks
            </p>
          </div>
          <HistoryCharts rows={rows()} />
        </Match>
      </Switch>
      <Show when={session[0].canEdit()}>
        <Switch>
          <Match when={state.overview.error}>
            <ErrorMessage error={state.overview.error} retry={() => void actions.reload()} />
          </Match>
          <Match when={state.overview()}>
            {(overview) => (
              <>
                <h3>Sources and last import</h3>
                <Show when={overview().sources.length > 0} fallback={<p class="muted">No sources yet.</p>}>
                  <Sources overview={overview()} />
                </Show>
                <GithubSyncPanel
                  slug={session[0].orgSlug() ?? ''}
                  sync={overview().github}
                  isAdmin={session[0].role() === 'admin'}
                  reload={actions.reload}
                />
                <h3>Unmatched identities</h3>
                <Unmatched overview={overview()} setAlias={actions.setAlias} />
              </>
            )}
          </Match>
        </Switch>
        <HistoryUpload store={store} />
      </Show>
    </section>
  );
}
