import { A } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import type { Calibration } from '../../shared/contract/calibration';
import { acceptCalibration } from '../api/calibration-client';
import type { ScenarioVersion } from '../api/types';
import { useStores } from '../stores/context';
import { ErrorMessage } from './states';

/**
 * Accepts a team's calibration into a scenario the planner picks: the scenario's next version
 * sets the team's parameters to the fitted ones. Org-wide calibrations have no team to set.
 */
export function AcceptCalibration(props: { calibration: Calibration }) {
  const { session, scenarios } = useStores();
  const [{ list }, actions] = scenarios;
  const [chosen, setChosen] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<unknown>(null);
  const [saved, setSaved] = createSignal<ScenarioVersion | null>(null);
  const target = () =>
    list()?.find((s) => s.id === chosen()) ?? list()?.find((s) => s.planOfRecord) ?? list()?.[0];
  const accept = async () => {
    const scenario = target();
    if (!scenario) return;
    setBusy(true);
    setError(null);
    try {
      const org = session[0].orgSlug() ?? '';
      setSaved(await acceptCalibration(org, props.calibration.id, scenario.id, scenario.latestVersion));
      await actions.reload();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Show
      when={props.calibration.team !== null}
      fallback={<p class="muted">Calibrate one team to accept its values into a scenario.</p>}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void accept();
        }}
      >
        <label>
          Scenario
          <select value={target()?.id ?? ''} onChange={(e) => setChosen(e.currentTarget.value)}>
            <For each={list() ?? []}>
              {(s) => (
                <option value={s.id}>
                  {s.name} (v{s.latestVersion}
                  {s.planOfRecord ? ', plan of record' : ''})
                </option>
              )}
            </For>
          </select>
        </label>
        <button type="submit" disabled={busy() || !target() || !session[0].canEdit()}>
          Accept calibration
        </button>
      </form>
      <Show when={error()}>
        <ErrorMessage error={error()} />
      </Show>
      <Show when={saved()}>
        {(v) => (
          <p role="status">
            {props.calibration.team}'s fitted values are now version {v().version} of{' '}
            <A href={`/scenarios/${v().id}`}>{v().scenario.name}</A>.
          </p>
        )}
      </Show>
    </Show>
  );
}
