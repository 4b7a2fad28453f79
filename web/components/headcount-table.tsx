import { createSignal, For, Show } from 'solid-js';
import type { Level } from '../../shared';
import type { Team } from '../api/types';
import { useStores } from '../stores/context';
import { ErrorMessage } from './states';
import { createVirtualRows, SpacerRow } from './virtual-rows';

const total = (team: Team) => Object.values(team.headcount).reduce((sum, n) => sum + n, 0);

/** Headcount by level per team; planners edit a cell and it saves on change (rolled back on error). */
export function HeadcountTable(props: { teams: Team[]; levels: readonly Level[]; editable: boolean }) {
  const [, actions] = useStores().teams;
  const [error, setError] = createSignal<unknown>(null);
  const virtual = createVirtualRows(() => props.teams);
  const save = async (team: Team, level: string, value: number) => {
    setError(null);
    if (!Number.isInteger(value) || value < 0) {
      setError(new Error(`${team.name} ${level}: headcount must be a whole number of 0 or more`));
      return;
    }
    try {
      await actions.setHeadcount(team, { ...team.headcount, [level]: value });
    } catch (caught) {
      setError(caught);
    }
  };
  return (
    <section class="panel">
      <h3>Headcount by level</h3>
      <Show when={error()}>
        <ErrorMessage error={error()} />
      </Show>
      <section class="table-scroll tall" tabindex="0" aria-label="Headcount table" ref={virtual.ref}>
        <table class="headcount" aria-rowcount={virtual.rowCount()}>
          <thead>
            <tr>
              <th scope="col">Team</th>
              <For each={props.levels}>
                {(level) => (
                  <th scope="col" class="num">
                    {level.name ?? level.id}
                    {level.canSignOff ? ' ✓' : ''}
                  </th>
                )}
              </For>
              <th scope="col" class="num">
                Total
              </th>
            </tr>
          </thead>
          <tbody>
            <SpacerRow px={virtual.before()} columns={props.levels.length + 2} />
            <For each={virtual.visible()}>
              {(team, i) => (
                <tr aria-rowindex={virtual.rowIndex(i())}>
                  <th scope="row">{team.name}</th>
                  <For each={props.levels}>
                    {(level) => (
                      <td class="num">
                        <Show when={props.editable} fallback={team.headcount[level.id] ?? 0}>
                          <input
                            type="number"
                            min="0"
                            step="1"
                            aria-label={`${team.name} ${level.name ?? level.id} headcount`}
                            value={team.headcount[level.id] ?? 0}
                            onChange={(e) => void save(team, level.id, e.currentTarget.valueAsNumber)}
                          />
                        </Show>
                      </td>
                    )}
                  </For>
                  <td class="num" data-testid={`total-${team.name}`}>
                    {total(team)}
                  </td>
                </tr>
              )}
            </For>
            <SpacerRow px={virtual.after()} columns={props.levels.length + 2} />
          </tbody>
        </table>
      </section>
      <p class="muted">✓ marks levels that may sign off AI-assisted changes.</p>
    </section>
  );
}
