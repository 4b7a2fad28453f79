import { createResource, createSignal, For, lazy, Match, Show, Suspense, Switch } from 'solid-js';
import { Empty, ErrorMessage, Loading } from '../components/states';
import { Link } from '../router';
import { useStores } from '../stores/context';

const CompareView = lazy(() =>
  import('../components/compare-view').then((module) => ({ default: module.CompareView })),
);

const MAX_COMPARED = 4;

/** Pick two to four scenarios; their forecasts overlay and a table lists the key differences. */
export function ComparePage() {
  const { model, scenarios, session } = useStores();
  const [{ list }, actions] = scenarios;
  const [chosen, setChosen] = createSignal<string[]>([]);
  const toggle = (id: string, on: boolean) =>
    setChosen((current) => (on ? [...current, id].slice(-MAX_COMPARED) : current.filter((c) => c !== id)));
  const [versions] = createResource(
    () => (chosen().length >= 2 ? [...chosen()] : null),
    (ids) => Promise.all(ids.map((id) => actions.load(id))),
  );
  return (
    <section class="page">
      <h2>Compare scenarios</h2>
      <Switch>
        <Match when={list.error}>
          <ErrorMessage error={list.error} retry={() => void actions.reload()} />
        </Match>
        <Match when={!list()}>
          <Loading what="scenarios" />
        </Match>
        <Match when={(list()?.length ?? 0) < 2}>
          <Empty title="Comparing needs at least two saved scenarios.">
            <p>
              Save scenarios in the <Link href="/scenarios/new">scenario editor</Link>.
            </p>
          </Empty>
        </Match>
        <Match when={list()}>
          <fieldset class="panel choose">
            <legend>Scenarios to compare (2 to {MAX_COMPARED})</legend>
            <For each={list()}>
              {(scenario) => (
                <label class="check">
                  <input
                    type="checkbox"
                    checked={chosen().includes(scenario.id)}
                    onChange={(e) => toggle(scenario.id, e.currentTarget.checked)}
                  />
                  {scenario.name} <span class="muted">v{scenario.latestVersion}</span>
                  <Show when={scenario.planOfRecord}>
                    <span class="tag">plan of record</span>
                  </Show>
                </label>
              )}
            </For>
          </fieldset>
          <Switch>
            <Match when={chosen().length < 2}>
              <Empty title="Pick at least two scenarios." />
            </Match>
            <Match when={versions.error || model[0].model.error}>
              <ErrorMessage error={versions.error ?? model[0].model.error} />
            </Match>
            <Match when={versions() && model[0].model()}>
              <Suspense fallback={<Loading what="charts" />}>
                <CompareView
                  model={model[0].model()!}
                  versions={versions()!}
                  timeZone={session[0].orgTimeZone()}
                />
              </Suspense>
            </Match>
            <Match when={true}>
              <Loading what="the scenarios" />
            </Match>
          </Switch>
        </Match>
      </Switch>
    </section>
  );
}
