import { Match, onMount, Show, Switch } from 'solid-js';
import { HeadcountTable } from '../components/headcount-table';
import { RosterUpload } from '../components/roster-upload';
import { Empty, ErrorMessage, Loading } from '../components/states';
import { TeamDeletePanel } from '../components/team-delete-panel';
import { useStores } from '../stores/context';

/** Teams with headcount by level (editable by planners), the roster CSV import and team deletion. */
export function TeamsPage() {
  const { session, teams, model } = useStores();
  const [{ teams: list }, actions] = teams;
  onMount(() => actions.open());
  const levels = () => model[0].model()?.org.levels ?? [];
  const headcount = () =>
    (list() ?? []).reduce((sum, t) => sum + Object.values(t.headcount).reduce((a, b) => a + b, 0), 0);
  return (
    <section class="page">
      <h2>
        Teams
        <Show when={list()}>
          {' '}
          <span class="subtitle">
            · {list()!.length} teams, {headcount()} engineers
          </span>
        </Show>
      </h2>
      <div class="teams-layout">
        <Switch>
          <Match when={list.error}>
            <ErrorMessage error={list.error} retry={() => void actions.reload()} />
          </Match>
          <Match when={!list() || !model[0].model()}>
            <Loading what="teams" />
          </Match>
          <Match when={list()?.length === 0}>
            <Empty title="No teams yet.">
              <p>Import a roster CSV to create the teams.</p>
            </Empty>
          </Match>
          <Match when={list()}>
            <HeadcountTable teams={list()!} levels={levels()} editable={session[0].canEdit()} />
          </Match>
        </Switch>
        <Show when={session[0].canEdit()}>
          <div>
            <RosterUpload />
            <Show when={list()?.length}>
              <TeamDeletePanel teams={list()!} />
            </Show>
          </div>
        </Show>
      </div>
    </section>
  );
}
