import { For, Match, Show, Switch } from 'solid-js';
import { Empty, ErrorMessage, Loading } from '../components/states';
import { formatDate } from '../format';
import { Link } from '../router';
import { useStores } from '../stores/context';

/** The org's scenarios with their latest version; the way into the editor. */
export function ScenariosPage() {
  const { session, scenarios } = useStores();
  const [{ list }, actions] = scenarios;
  return (
    <section class="page">
      <div class="page-head">
        <h2>Scenarios</h2>
        <Show when={session[0].canEdit()}>
          <Link class="button" href="/scenarios/new">
            New scenario
          </Link>
        </Show>
      </div>
      <Switch>
        <Match when={list.error}>
          <ErrorMessage error={list.error} retry={() => void actions.reload()} />
        </Match>
        <Match when={list.loading && !list()}>
          <Loading what="scenarios" />
        </Match>
        <Match when={list()?.length === 0}>
          <Empty title="No scenarios yet.">
            <Show when={session[0].canEdit()} fallback={<p>A planner can create the first one.</p>}>
              <p>
                <Link href="/scenarios/new">Create the first scenario</Link> from the current org.
              </p>
            </Show>
          </Empty>
        </Match>
        <Match when={list()}>
          <table class="panel">
            <thead>
              <tr>
                <th scope="col">Scenario</th>
                <th scope="col" class="num">
                  Version
                </th>
                <th scope="col">Updated</th>
                <th scope="col">Plan of record</th>
              </tr>
            </thead>
            <tbody>
              <For each={list()}>
                {(scenario) => (
                  <tr>
                    <th scope="row">
                      <Link href={`/scenarios/${scenario.id}`}>{scenario.name}</Link>
                    </th>
                    <td class="num">{scenario.latestVersion}</td>
                    <td>{formatDate(scenario.updatedAt.slice(0, 10))}</td>
                    <td>{scenario.planOfRecord ? 'Yes' : ''}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </Match>
      </Switch>
    </section>
  );
}
