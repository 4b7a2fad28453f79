import { For, Match, Switch } from 'solid-js';
import type { Level } from '../../shared';
import type { EventField } from '../scenario/event-fields';

interface FieldInputProps {
  field: EventField;
  id: string;
  value: unknown;
  teams: { id: string; name: string }[];
  levels: readonly Level[];
  onChange: (value: unknown) => void;
}

type Rules = Record<string, { ai: boolean; human: boolean }>;

/** The control for one event field, labelled by the form (`id`). */
export function EventFieldInput(props: FieldInputProps) {
  const text = () => (props.value === undefined ? '' : String(props.value));
  const rules = () => (props.value ?? {}) as Rules;
  const setRule = (level: string, kind: 'ai' | 'human', on: boolean) => {
    const cell = { ai: false, human: false, ...rules()[level], [kind]: on };
    props.onChange({ ...rules(), [level]: cell });
  };
  return (
    <Switch>
      <Match when={props.field.kind === 'date'}>
        <input
          id={props.id}
          type="date"
          value={text()}
          onInput={(e) => props.onChange(e.currentTarget.value)}
        />
      </Match>
      <Match when={props.field.kind === 'number'}>
        <input
          id={props.id}
          type="number"
          min={props.field.min}
          max={props.field.max}
          step={props.field.step}
          value={text()}
          onInput={(e) =>
            props.onChange(e.currentTarget.value === '' ? undefined : e.currentTarget.valueAsNumber)
          }
        />
      </Match>
      <Match when={props.field.kind === 'text'}>
        <input
          id={props.id}
          type="text"
          value={text()}
          onInput={(e) => props.onChange(e.currentTarget.value || undefined)}
        />
      </Match>
      <Match when={props.field.kind === 'team' || props.field.kind === 'teams'}>
        <select
          id={props.id}
          value={props.field.kind === 'teams' ? ((props.value as string[] | undefined)?.[0] ?? '') : text()}
          onChange={(e) => {
            const id = e.currentTarget.value;
            props.onChange(props.field.kind === 'teams' ? (id ? [id] : undefined) : id);
          }}
        >
          {props.field.kind === 'teams' && <option value="">All teams</option>}
          <For each={props.teams}>{(team) => <option value={team.id}>{team.name}</option>}</For>
        </select>
      </Match>
      <Match when={props.field.kind === 'level' || props.field.kind === 'optional-level'}>
        <select
          id={props.id}
          value={text()}
          onChange={(e) => props.onChange(e.currentTarget.value || undefined)}
        >
          {props.field.kind === 'optional-level' && <option value="">All levels</option>}
          <For each={props.levels}>
            {(level) => <option value={level.id}>{level.name ?? level.id}</option>}
          </For>
        </select>
      </Match>
      <Match when={props.field.kind === 'choice'}>
        <select id={props.id} value={text()} onChange={(e) => props.onChange(e.currentTarget.value)}>
          <For each={props.field.choices}>{(choice) => <option value={choice}>{choice}</option>}</For>
        </select>
      </Match>
      <Match when={props.field.kind === 'rules'}>
        <table id={props.id} class="rules">
          <thead>
            <tr>
              <th scope="col">Author level</th>
              <th scope="col">AI-assisted</th>
              <th scope="col">Human-written</th>
            </tr>
          </thead>
          <tbody>
            <For each={props.levels}>
              {(level) => (
                <tr>
                  <th scope="row">{level.name ?? level.id}</th>
                  <For each={['ai', 'human'] as const}>
                    {(kind) => (
                      <td>
                        <input
                          type="checkbox"
                          aria-label={`${level.name ?? level.id} ${kind === 'ai' ? 'AI-assisted' : 'human-written'} changes need sign-off`}
                          checked={rules()[level.id]?.[kind] ?? false}
                          onChange={(e) => setRule(level.id, kind, e.currentTarget.checked)}
                        />
                      </td>
                    )}
                  </For>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </Match>
    </Switch>
  );
}
