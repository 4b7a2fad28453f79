import { createSignal, Show } from 'solid-js';
import { ErrorMessage } from './states';

/** Maps one unmatched identity to a roster employee_id; shows the API's error (e.g. no such employee). */
export function AliasForm(props: {
  identity: string;
  save: (identity: string, employeeId: string) => Promise<void>;
}) {
  const [employeeId, setEmployeeId] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<unknown>(null);
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await props.save(props.identity, employeeId().trim());
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="alias-form" onSubmit={(event) => void submit(event)}>
      <input
        type="text"
        required
        size={10}
        placeholder="employee_id"
        aria-label={`Employee id for ${props.identity}`}
        value={employeeId()}
        onInput={(e) => setEmployeeId(e.currentTarget.value)}
      />
      <button type="submit" disabled={busy() || !employeeId().trim()}>
        Map
      </button>
      <Show when={error()}>
        <ErrorMessage error={error()} />
      </Show>
    </form>
  );
}
