import { createResource, createSignal, Show } from 'solid-js';
import type { ParametersPatch } from '../../shared';
import { type ModelParameter, settingsApi } from '../api/settings-client';
import { ErrorMessage } from '../components/states';
import { createAction } from './action';
import { ListPanel } from './list-panel';

const range = (p: ModelParameter) => `${p.aboveMin ? 'above' : 'from'} ${p.min} to ${p.max}`;

/**
 * The model parameters with their cited defaults, units and allowed ranges: edit values and save
 * them together, or reset one to its default. Every save raises the model revision.
 */
export function ParameterTable(props: { slug: string; onSaved: () => void }) {
  const [catalogue, resource] = createResource(
    () => props.slug,
    async (slug) => (await settingsApi.parameters(slug)).items,
  );
  const [edits, setEdits] = createSignal<ParametersPatch>({});
  const [saved, setSaved] = createSignal<string | null>(null);
  const action = createAction();
  const send = async (patch: ParametersPatch) => {
    setSaved(null);
    const org = await action.run(() => settingsApi.saveParameters(props.slug, patch));
    if (!org) return;
    setEdits({});
    setSaved(`Parameters saved (model revision ${org.modelRevision}); forecasts are recomputed with them.`);
    await resource.refetch();
    props.onSaved();
  };
  const edit = (name: string, value: number) => setEdits({ ...edits(), [name]: value });
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    void send(edits());
  };
  return (
    <form aria-label="Model parameters" onSubmit={submit}>
      <ListPanel
        id="parameters-title"
        title="Model parameters"
        items={catalogue}
        retry={() => void resource.refetch()}
        what="the model parameters"
        empty="No parameters."
        columns={['Parameter', 'Value', 'Default', 'Unit', 'Allowed', 'Source']}
        actions
        row={(p) => (
          <tr>
            <td>
              {p.label}
              <br />
              <code class="muted">{p.name}</code>
            </td>
            <td>
              <input
                aria-label={`Value of ${p.label}`}
                type="number"
                step="any"
                min={p.min}
                max={p.max}
                value={p.value}
                required
                onInput={(e) => edit(p.name, e.currentTarget.valueAsNumber)}
              />
              <Show when={p.overridden}>
                <span class="badge">Changed</span>
              </Show>
            </td>
            <td>{p.default}</td>
            <td>{p.unit}</td>
            <td>{range(p)}</td>
            <td class="source">{p.source}</td>
            <td>
              <Show when={p.overridden}>
                <button
                  type="button"
                  class="secondary"
                  aria-label={`Reset ${p.label} to its default`}
                  disabled={action.busy()}
                  onClick={() => void send({ [p.name]: null })}
                >
                  Reset to default
                </button>
              </Show>
            </td>
          </tr>
        )}
      >
        <div class="actions">
          <button type="submit" disabled={action.busy() || Object.keys(edits()).length === 0}>
            {action.busy() ? 'Saving…' : 'Save parameters'}
          </button>
        </div>
        <Show when={action.error()}>
          <ErrorMessage error={action.error()} />
        </Show>
        <Show when={saved()}>
          <p role="status">{saved()}</p>
        </Show>
      </ListPanel>
    </form>
  );
}
