import { For, Show } from 'solid-js';
import type { RosterPreview } from '../api/types';

const people = (n: number) => `${n} ${n === 1 ? 'person' : 'people'}`;
const counts = (h: Record<string, number>) =>
  Object.entries(h)
    .filter(([, n]) => n > 0)
    .map(([level, n]) => `${n} ${level}`)
    .join(', ') || 'nobody';
const statusWords = { new: 'new team', changed: 'changes', emptied: 'emptied (kept, no one in it)' };

/** What a roster import would change: people added, moved, level changed and removed; teams new, changed and emptied. */
export function RosterChanges(props: { preview: RosterPreview }) {
  const p = () => props.preview;
  return (
    <section class="roster-changes" aria-label="Roster changes">
      <Show when={p().people.removed > 0}>
        <p class="field-error">This import removes {people(p().people.removed)} from the roster.</p>
      </Show>
      <p>
        {p().rows} rows. {p().mode === 'replace' ? 'Replace' : 'Merge'}: {people(p().people.added)} added,{' '}
        {people(p().people.moved)} moved, {people(p().people.levelChanged)} change level,{' '}
        {people(p().people.removed)} removed, {people(p().people.unchanged)} unchanged.
      </p>
      <Show when={p().teams.length} fallback={<p class="muted">No team's headcount changes.</p>}>
        <section class="table-scroll" tabindex="0" aria-label="Team changes table">
          <table aria-label="Team changes">
            <thead>
              <tr>
                <th scope="col">Team</th>
                <th scope="col">Change</th>
                <th scope="col">Before</th>
                <th scope="col">After</th>
                <th scope="col" class="num">
                  Joining
                </th>
                <th scope="col" class="num">
                  Leaving
                </th>
              </tr>
            </thead>
            <tbody>
              <For each={p().teams}>
                {(t) => (
                  <tr>
                    <th scope="row">{t.name}</th>
                    <td>{statusWords[t.status]}</td>
                    <td>{counts(t.before)}</td>
                    <td>{counts(t.after)}</td>
                    <td class="num">{t.joining}</td>
                    <td class="num">{t.leaving}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </section>
      </Show>
      <details>
        <summary>Who changes (the first 100 of each kind)</summary>
        <ul class="roster-samples">
          <For each={p().samples.moved}>
            {(m) => (
              <li>
                Moves: {m.employeeId} from {m.from} to {m.to}
              </li>
            )}
          </For>
          <For each={p().samples.removed}>
            {(m) => (
              <li>
                Removed: {m.employeeId} ({m.level}, {m.team})
              </li>
            )}
          </For>
          <For each={p().samples.levelChanged}>
            {(m) => (
              <li>
                Level: {m.employeeId} in {m.team} from {m.from} to {m.to}
              </li>
            )}
          </For>
          <For each={p().samples.added}>
            {(m) => (
              <li>
                Added: {m.employeeId} ({m.level}) to {m.team}
              </li>
            )}
          </For>
        </ul>
      </details>
    </section>
  );
}
