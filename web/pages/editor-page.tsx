import { useParams, useSearchParams } from '@solidjs/router';
import { createResource, Match, Switch } from 'solid-js';
import { ScenarioEditor } from '../components/scenario-editor';
import { Empty, ErrorMessage, Loading } from '../components/states';
import { type EditorQuery, linkedVersion } from '../scenario/share-query';
import { useStores } from '../stores/context';

/** Loads the org model and the scenario (`/scenarios/:id`, or `new`; `?v=` a version), then shows the live editor. */
export function EditorPage() {
  const params = useParams<{ id: string }>();
  const [query] = useSearchParams<EditorQuery>();
  const { model, scenarios } = useStores();
  const [{ model: orgModel }, modelActions] = model;
  const scenarioId = () => (params.id === 'new' ? null : params.id);
  const [loaded, { refetch }] = createResource(
    () => {
      const id = scenarioId();
      return id ? { id, version: linkedVersion(query) } : false;
    },
    ({ id, version }) => scenarios[1].load(id, version),
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
        <Match when={!orgModel() || (scenarioId() && (!loaded() || loaded.loading))}>
          <Loading what="the scenario" />
        </Match>
        <Match when={orgModel()?.org.teams.length === 0}>
          <Empty title="This org has no teams yet.">
            <p>Add teams or import a roster on the Teams page first.</p>
          </Empty>
        </Match>
        <Match when={orgModel()}>
          {(current) => (
            <Switch>
              <Match when={scenarioId() ? loaded() : null} keyed>
                {(version) => <ScenarioEditor model={current()} scenarioId={version.id} loaded={version} />}
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
