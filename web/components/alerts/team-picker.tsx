import { For, Show } from 'solid-js';
import type { Team } from '../../api/types';

/** Tick the teams a rule watches; none ticked watches every team (also those created later). */
export function TeamPicker(props: { name: string; teams: Team[]; selected: readonly string[] | null }) {
  const ticked = (id: string) => props.selected?.includes(id) ?? false;
  return (
    <fieldset class="team-picker">
      <legend>Teams (none ticked: every team)</legend>
      <Show
        when={props.teams.length}
        fallback={<p class="muted">No teams yet: the rule watches every team.</p>}
      >
        <div class="team-picker-list">
          <For each={props.teams}>
            {(team) => (
              <label>
                <input type="checkbox" name={props.name} value={team.id} checked={ticked(team.id)} />{' '}
                {team.name}
              </label>
            )}
          </For>
        </div>
      </Show>
    </fieldset>
  );
}
