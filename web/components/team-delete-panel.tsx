import { A } from '@solidjs/router';
import { createResource, createSignal, For, Show } from 'solid-js';
import type { Team, TeamDeletion } from '../api/types';
import { useStores } from '../stores/context';
import { ErrorMessage, Loading } from './states';

type Fate = 'move' | 'delete';

const people = (n: number) => `${n} ${n === 1 ? 'person' : 'people'}`;
const quoted = (items: { name: string }[]) => items.map((item) => `"${item.name}"`).join(', ');

/** What the delete does besides the people: child teams and alert rules, in words. */
function SideEffects(props: { impact: TeamDeletion }) {
  const paused = () => props.impact.alertRules.filter((rule) => rule.paused);
  const kept = () => props.impact.alertRules.filter((rule) => !rule.paused);
  return (
    <ul class="delete-effects">
      <Show when={props.impact.childTeams.length > 0}>
        <li>Child teams stay, without a parent: {quoted(props.impact.childTeams)}.</li>
      </Show>
      <Show when={kept().length > 0}>
        <li>Alert rules that stop watching it: {quoted(kept())}.</li>
      </Show>
      <Show when={paused().length > 0}>
        <li>Alert rules paused (it was their only team): {quoted(paused())}.</li>
      </Show>
    </ul>
  );
}

/**
 * Deleting a team in two steps: pick the team and see what the delete does (its people, child
 * teams, alert rules, and the scenarios that block it), choose whether its people move to another
 * team or are deleted with it, then confirm. A refusal (409 while a scenario names the team) shows
 * the server's reason.
 */
export function TeamDeletePanel(props: { teams: Team[] }) {
  const actions = useStores().teams[1];
  const [teamId, setTeamId] = createSignal('');
  const [fate, setFate] = createSignal<Fate | null>(null);
  const [moveTo, setMoveTo] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<unknown>(null);
  const [done, setDone] = createSignal<string | null>(null);
  const team = () => props.teams.find((t) => t.id === teamId());
  const [impact, { refetch }] = createResource(team, (chosen) => actions.deletion(chosen));
  const others = () => props.teams.filter((t) => t.id !== teamId());
  const choose = (id: string) => {
    setTeamId(id);
    setFate(null);
    setMoveTo('');
    setError(null);
    setDone(null);
  };
  const blocked = () => (impact()?.scenarios.length ?? 0) > 0;
  const ready = () => {
    const found = impact();
    if (!found || blocked() || busy()) return false;
    if (found.engineers === 0) return true;
    return fate() === 'delete' || (fate() === 'move' && moveTo() !== '');
  };
  const confirm = async () => {
    const chosen = team();
    const found = impact();
    if (!chosen || !found) return;
    const target = fate() === 'move' && found.engineers > 0 ? moveTo() : undefined;
    const targetName = props.teams.find((t) => t.id === target)?.name;
    setBusy(true);
    setError(null);
    try {
      await actions.deleteTeam(chosen, target);
      setDone(
        `Deleted team ${chosen.name}: ${people(found.engineers)} ${
          targetName ? `moved to ${targetName}` : 'deleted with it'
        }.`,
      );
      setTeamId('');
    } catch (caught) {
      setError(caught);
      void refetch();
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="panel team-delete" aria-labelledby="team-delete-title">
      <h3 id="team-delete-title">Delete a team</h3>
      <label for="team-delete-team">Team to delete</label>
      <select id="team-delete-team" value={teamId()} onChange={(e) => choose(e.currentTarget.value)}>
        <option value="">Choose a team…</option>
        <For each={props.teams}>{(t) => <option value={t.id}>{t.name}</option>}</For>
      </select>
      <Show when={team() && impact.loading}>
        <Loading what="what the delete would change" />
      </Show>
      <Show when={impact.error}>
        <ErrorMessage error={impact.error} retry={() => void refetch()} />
      </Show>
      <Show when={team() && !impact.loading && impact()}>
        {(found) => (
          <section aria-label="What the delete does">
            <p>
              {found().team.name} has {people(found().engineers)} on the roster.
            </p>
            <SideEffects impact={found()} />
            <Show when={blocked()}>
              <div class="state state-error" role="alert">
                <p>
                  <strong>Cannot delete yet:</strong> the latest version of these scenarios names{' '}
                  {found().team.name}; remove it from their events first.
                </p>
                <ul>
                  <For each={found().scenarios}>
                    {(s) => (
                      <li>
                        <A href={`/scenarios/${s.id}`}>{s.name}</A>
                        {s.planOfRecord ? ' (plan of record)' : ''}
                      </li>
                    )}
                  </For>
                </ul>
              </div>
            </Show>
            <Show when={!blocked() && found().engineers > 0}>
              <fieldset class="choose-fate">
                <legend>Its {people(found().engineers)}</legend>
                <label>
                  <input
                    type="radio"
                    name="team-delete-fate"
                    checked={fate() === 'move'}
                    onChange={() => setFate('move')}
                  />{' '}
                  Move them to another team
                </label>
                <Show when={fate() === 'move'}>
                  <label for="team-delete-move-to">Team that takes them</label>
                  <select
                    id="team-delete-move-to"
                    value={moveTo()}
                    onChange={(e) => setMoveTo(e.currentTarget.value)}
                  >
                    <option value="">Choose a team…</option>
                    <For each={others()}>{(t) => <option value={t.id}>{t.name}</option>}</For>
                  </select>
                </Show>
                <label>
                  <input
                    type="radio"
                    name="team-delete-fate"
                    checked={fate() === 'delete'}
                    onChange={() => setFate('delete')}
                  />{' '}
                  Delete them with the team
                </label>
              </fieldset>
            </Show>
            <div class="actions">
              <button type="button" class="danger" disabled={!ready()} onClick={() => void confirm()}>
                Confirm delete of {found().team.name}
              </button>
              <button type="button" class="secondary" onClick={() => choose('')}>
                Cancel
              </button>
            </div>
          </section>
        )}
      </Show>
      <Show when={busy()}>
        <p role="status">Deleting…</p>
      </Show>
      <Show when={done()}>
        {(message) => (
          <p role="status" class="ok">
            {message()}
          </p>
        )}
      </Show>
      <Show when={error()}>
        <ErrorMessage error={error()} />
      </Show>
    </section>
  );
}
