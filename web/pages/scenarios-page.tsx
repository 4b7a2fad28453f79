import { A } from '@solidjs/router';
import { For, Match, Show, Switch } from 'solid-js';
import { Empty, ErrorMessage, Loading } from '../components/states';
import { formatDate } from '../format';
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
          <A class="button" href="/scenarios/new">
            New scenario
          </A>
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
                <A href="/scenarios/new">Create the first scenario</A> from the current org.
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
                      <A href={`/scenarios/${scenario.id}`}>{scenario.name}</A>
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
