import { createSignal, Show } from 'solid-js';
import { type ScenarioInput, scenarioSchema } from '../../shared';
import { ApiError } from '../api/api-error';
import type { ScenarioVersion } from '../api/types';
import { useStores } from '../stores/context';
import { ErrorMessage } from './states';

/** Save as a new version (or a new scenario) and mark the plan of record. */
export function SaveBar(props: {
  scenarioId: string | null;
  scenario: ScenarioInput;
  planOfRecord: boolean;
  /** Called with the version just saved (the editor then opens it). */
  onSaved: (version: ScenarioVersion) => void;
}) {
  const [, actions] = useStores().scenarios;
  const [busy, setBusy] = createSignal(false);
  const [status, setStatus] = createSignal('');
  const [error, setError] = createSignal<unknown>(null);
  const [isPlan, setIsPlan] = createSignal(props.planOfRecord);
  const [id, setId] = createSignal(props.scenarioId);

  const attempt = async (work: () => Promise<string>) => {
    setBusy(true);
    setError(null);
    try {
      setStatus(await work());
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const save = () =>
    attempt(async () => {
      const parsed = scenarioSchema.safeParse(props.scenario);
      if (!parsed.success) {
        const errors = parsed.error.issues.map((issue) => ({
          path: issue.path.join('.'),
          message: issue.message,
        }));
        throw new ApiError(422, 'Scenario is not valid', 'Fix these fields first', errors);
      }
      const saved = await actions.save(id(), props.scenario);
      setId(saved.id);
      props.onSaved(saved);
      return `Saved version ${saved.version}.`;
    });
  const mark = () =>
    attempt(async () => {
      const saved = id();
      if (!saved) throw new Error('Save the scenario first');
      await actions.markPlanOfRecord(saved);
      setIsPlan(true);
      return 'Marked as the plan of record.';
    });

  return (
    <div class="panel save-bar">
      <button type="button" disabled={busy()} onClick={() => void save()}>
        {id() ? 'Save as new version' : 'Save scenario'}
      </button>
      <button
        type="button"
        class="secondary"
        disabled={busy() || !id() || isPlan()}
        onClick={() => void mark()}
      >
        {isPlan() ? 'Plan of record' : 'Mark as plan of record'}
      </button>
      <span role="status">{status()}</span>
      <Show when={error()}>
        <ErrorMessage error={error()} />
      </Show>
    </div>
  );
}
