import { A, useSearchParams } from '@solidjs/router';
import { createResource, For, lazy, Match, Suspense, Switch } from 'solid-js';
import type { ScenarioSummary } from '../api/types';
import { Empty, ErrorMessage, Loading } from '../components/states';
import { type ComparedRef, comparedQuery, MAX_COMPARED, parseCompared } from '../scenario/compare-query';
import { useStores } from '../stores/context';

const CompareView = lazy(() =>
  import('../components/compare-view').then((module) => ({ default: module.CompareView })),
);

/** One row of the selection: a scenario and one of its versions. */
function ComparedPicker(props: {
  index: number;
  value: ComparedRef;
  scenarios: ScenarioSummary[];
  onChange: (next: ComparedRef) => void;
  onRemove: () => void;
}) {
  const latest = (id: string) => props.scenarios.find((s) => s.id === id)?.latestVersion ?? 1;
  const versions = () => Array.from({ length: latest(props.value.id) }, (_, i) => latest(props.value.id) - i);
  const n = () => props.index + 1;
  return (
    <li class="compare-pick">
      <label for={`compare-scenario-${n()}`}>Scenario {n()}</label>
      <select
        id={`compare-scenario-${n()}`}
        value={props.value.id}
        onChange={(e) =>
          props.onChange({ id: e.currentTarget.value, version: latest(e.currentTarget.value) })
        }
      >
        <For each={props.scenarios}>{(s) => <option value={s.id}>{s.name}</option>}</For>
      </select>
      <label for={`compare-version-${n()}`}>version</label>
      <select
        id={`compare-version-${n()}`}
        value={props.value.version}
        onChange={(e) => props.onChange({ ...props.value, version: Number(e.currentTarget.value) })}
      >
        <For each={versions()}>{(v) => <option value={v}>v{v}</option>}</For>
      </select>
      <button type="button" class="link-button" onClick={() => props.onRemove()}>
        Remove<span class="sr-only"> scenario {n()}</span>
      </button>
    </li>
  );
}

/**
 * Pick two to four scenario versions (any version, the same scenario twice too); their forecasts
 * overlay and a table lists the key differences. The selection is in the address (`?s=id@v,...`).
 */
export function ComparePage() {
  const { model, scenarios, session } = useStores();
  const [{ list }, actions] = scenarios;
  const [query, setQuery] = useSearchParams<{ s?: string }>();
  const chosen = () => parseCompared(query.s);
  const choose = (refs: ComparedRef[]) => setQuery({ s: comparedQuery(refs) || undefined });
  const add = () => {
    const all = list() ?? [];
    const next = all.find((s) => !chosen().some((c) => c.id === s.id)) ?? all[0];
    if (next) choose([...chosen(), { id: next.id, version: next.latestVersion }]);
  };
  const [versions] = createResource(
    () => (chosen().length >= 2 ? chosen() : null),
    (refs) => Promise.all(refs.map((ref) => actions.load(ref.id, ref.version))),
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
        <Match when={(list()?.length ?? 0) < 1}>
          <Empty title="Comparing needs saved scenarios.">
            <p>
              Save scenarios in the <A href="/scenarios/new">scenario editor</A>.
            </p>
          </Empty>
        </Match>
        <Match when={list()}>
          {(all) => (
            <>
              <fieldset class="panel choose">
                <legend>Scenario versions to compare (2 to {MAX_COMPARED})</legend>
                <ol class="compare-picks">
                  <For each={chosen()}>
                    {(ref, i) => (
                      <ComparedPicker
                        index={i()}
                        value={ref}
                        scenarios={all()}
                        onChange={(next) => choose(chosen().map((c, j) => (j === i() ? next : c)))}
                        onRemove={() => choose(chosen().filter((_, j) => j !== i()))}
                      />
                    )}
                  </For>
                </ol>
                <button
                  type="button"
                  class="secondary"
                  disabled={chosen().length >= MAX_COMPARED}
                  onClick={add}
                >
                  Add a scenario
                </button>
              </fieldset>
              <Switch>
                <Match when={chosen().length < 2}>
                  <Empty title="Pick at least two scenario versions." />
                </Match>
                <Match when={versions.error || model[0].model.error}>
                  <ErrorMessage error={versions.error ?? model[0].model.error} />
                </Match>
                <Match when={versions() && !versions.loading && model[0].model()}>
                  <Suspense fallback={<Loading what="charts" />}>
                    <CompareView
                      model={model[0].model()!}
                      versions={versions()!}
                      timeZone={session[0].orgTimeZone()}
                      serverOrg={session[0].canEdit() ? session[0].orgSlug() : null}
                    />
                  </Suspense>
                </Match>
                <Match when={true}>
                  <Loading what="the scenarios" />
                </Match>
              </Switch>
            </>
          )}
        </Match>
      </Switch>
    </section>
  );
}
