import { createResource, Match, Switch } from 'solid-js';
import { ScenarioEditor } from '../components/scenario-editor';
import { Empty, ErrorMessage, Loading } from '../components/states';
import { useStores } from '../stores/context';

/** Loads the org model and the scenario (`id`, or "new"), then shows the live editor. */
export function EditorPage(props: { id: string }) {
  const { model, scenarios } = useStores();
  const [{ model: orgModel }, modelActions] = model;
  const scenarioId = () => (props.id === 'new' ? null : props.id);
  const [loaded, { refetch }] = createResource(
    () => scenarioId() ?? false,
    (id) => scenarios[1].load(id),
  );
  return (
    <section class="page">
      <h2>Scenario editor</h2>
      <Switch>
        <Match when={orgModel.error}>
          <ErrorMessage error={orgModel.error} retry={() => void modelActions.reload()} />
        </Match>
        <Match when={loaded.error}>
          <ErrorMessage error={loaded.error} retry={() => void refetch()} />
        </Match>
        <Match when={!orgModel() || (scenarioId() && !loaded())}>
          <Loading what="the org model" />
        </Match>
        <Match when={orgModel()?.org.teams.length === 0}>
          <Empty title="This org has no teams yet.">
            <p>Add teams or import a roster on the Teams page first.</p>
          </Empty>
        </Match>
        <Match when={orgModel()}>
          {(current) => (
            <Switch>
              <Match when={scenarioId()} keyed>
                {(id) => <ScenarioEditor model={current()} scenarioId={id} loaded={loaded() ?? null} />}
              </Match>
              <Match when={!scenarioId()}>
                <ScenarioEditor model={current()} scenarioId={null} loaded={null} />
              </Match>
            </Switch>
          )}
        </Match>
      </Switch>
    </section>
  );
}
