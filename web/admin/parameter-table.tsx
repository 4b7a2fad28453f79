import { createResource, createSignal, Show } from 'solid-js';
import type { ParametersPatch, RangesPatch } from '../../shared';
import { ApiError } from '../api/api-error';
import { type ModelParameter, type ParametersChange, settingsApi } from '../api/settings-client';
import { createAction } from './action';
import { ActionOutcome } from './action-outcome';
import { ListPanel } from './list-panel';
import { type RangeEdit, RangeInputs } from './range-inputs';

const allowed = (p: ModelParameter) => `${p.aboveMin ? 'above' : 'from'} ${p.min} to ${p.max}`;

/**
 * The model parameters with their cited defaults, units, allowed ranges and Monte Carlo ranges:
 * edit values and ranges and save them together, or reset one value or range to its default.
 * Every save that changes something raises the model revision.
 */
export function ParameterTable(props: { slug: string; onSaved: () => void }) {
  const [catalogue, resource] = createResource(
    () => props.slug,
    async (slug) => (await settingsApi.parameters(slug)).items,
  );
  const [values, setValues] = createSignal<ParametersPatch>({});
  const [ranges, setRanges] = createSignal<Record<string, RangeEdit>>({});
  const [saved, setSaved] = createSignal<string | null>(null);
  const action = createAction();
  const send = async (change: ParametersChange) => {
    setSaved(null);
    const org = await action.run(() => settingsApi.saveParameters(props.slug, change));
    if (!org) return;
    setValues({});
    setRanges({});
    setSaved(`Parameters saved (model revision ${org.modelRevision}); forecasts are recomputed with them.`);
    await resource.refetch();
    props.onSaved();
  };
  const editRange = (name: string, edit: RangeEdit) =>
    setRanges({ ...ranges(), [name]: { ...ranges()[name], ...edit } });
  /** The edited ranges whole: an end left as it was keeps the stored value. */
  const rangesPatch = (): RangesPatch =>
    Object.fromEntries(
      Object.entries(ranges()).map(([name, edit]) => {
        const stored = catalogue()?.find((p) => p.name === name)?.range;
        return [
          name,
          { low: edit.low ?? stored?.low ?? Number.NaN, high: edit.high ?? stored?.high ?? Number.NaN },
        ];
      }),
    );
  const refused = (path: string) => {
    const error = action.error();
    return error instanceof ApiError && error.errors.some((problem) => problem.path === path);
  };
  const edited = () => Object.keys(values()).length + Object.keys(ranges()).length > 0;
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    void send({ parameters: values(), ranges: rangesPatch() });
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
        columns={['Parameter', 'Value', 'Range (Monte Carlo)', 'Default', 'Unit', 'Allowed', 'Source']}
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
                aria-invalid={refused(`parameters.${p.name}`)}
                type="number"
                step="any"
                min={p.min}
                max={p.max}
                value={p.value}
                required
                onInput={(e) => setValues({ ...values(), [p.name]: e.currentTarget.valueAsNumber })}
              />
              <Show when={p.overridden}>
                <span class="badge">Changed</span>
              </Show>
            </td>
            <td>
              <RangeInputs
                label={p.label}
                range={p.range}
                invalid={(end) => refused(`ranges.${p.name}.${end}`) || refused(`ranges.${p.name}`)}
                onEdit={(edit) => editRange(p.name, edit)}
              />
              <Show when={p.rangeChanged}>
                <span class="badge">Changed</span>
              </Show>
            </td>
            <td>{p.default}</td>
            <td>{p.unit}</td>
            <td>{allowed(p)}</td>
            <td class="source">{p.source}</td>
            <td class="row-actions">
              <Show when={p.overridden}>
                <button
                  type="button"
                  class="secondary"
                  aria-label={`Reset ${p.label} to its default`}
                  disabled={action.busy()}
                  onClick={() => void send({ parameters: { [p.name]: null } })}
                >
                  Reset to default
                </button>
              </Show>
              <Show when={p.rangeChanged}>
                <button
                  type="button"
                  class="secondary"
                  aria-label={`Reset the range of ${p.label} to its default`}
                  disabled={action.busy()}
                  onClick={() => void send({ ranges: { [p.name]: null } })}
                >
                  Reset range
                </button>
              </Show>
            </td>
          </tr>
        )}
        withList={
          <>
            <p class="muted">
              Range: each Monte Carlo run draws the parameter from low to high, its median at the value; empty
              when the parameter is fixed. Low must be above 0 and at most the value, high at least the value.
            </p>
            <div class="actions">
              <button type="submit" disabled={action.busy() || !edited()}>
                {action.busy() ? 'Saving…' : 'Save parameters'}
              </button>
            </div>
            <ActionOutcome action={action} saved={saved()} />
          </>
        }
      />
    </form>
  );
}
