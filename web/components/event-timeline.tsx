import { createMemo, createSignal, For, Show } from 'solid-js';
import type { Level, ScenarioEventInput } from '../../shared';
import { formatDate } from '../format';
import { describeEvent } from '../scenario/describe-event';
import { draftFor, type EventType, eventTypeLabels } from '../scenario/event-fields';
import { EventForm } from './event-form';

interface EventTimelineProps {
  events: ScenarioEventInput[];
  teams: { id: string; name: string }[];
  levels: readonly Level[];
  startWeek: string;
  editable: boolean;
  onChange: (events: ScenarioEventInput[]) => void;
}

/** The scenario's events in date order: add, edit and remove layoff, hire, AI adoption and the rest. */
export function EventTimeline(props: EventTimelineProps) {
  const [editing, setEditing] = createSignal<{ index: number; draft: Record<string, unknown> } | null>(null);
  const [newType, setNewType] = createSignal<EventType>('layoff');
  const names = createMemo(() => new Map(props.teams.map((team) => [team.id, team.name])));
  const ordered = createMemo(() =>
    props.events
      .map((event, index) => ({ event, index }))
      .sort((a, b) => a.event.date.localeCompare(b.event.date)),
  );
  const add = () =>
    setEditing({
      index: -1,
      draft: draftFor(
        newType(),
        props.startWeek,
        props.teams[0]?.id ?? '',
        props.levels.map((l) => l.id),
      ),
    });
  const save = (event: ScenarioEventInput) => {
    const current = editing();
    if (!current) return;
    props.onChange(
      current.index < 0
        ? [...props.events, event]
        : props.events.map((e, i) => (i === current.index ? event : e)),
    );
    setEditing(null);
  };
  return (
    <section class="panel timeline" aria-labelledby="timeline-title">
      <h3 id="timeline-title">Event timeline</h3>
      <Show when={ordered().length > 0} fallback={<p class="muted">No events: the org as it is today.</p>}>
        <ol class="events">
          <For each={ordered()}>
            {({ event, index }) => (
              <li>
                <time datetime={event.date}>{formatDate(event.date)}</time>
                <span class="event-text">{describeEvent(event, names())}</span>
                <Show when={props.editable}>
                  <button
                    type="button"
                    class="link-button"
                    onClick={() => setEditing({ index, draft: { ...event } })}
                  >
                    Edit
                    <span class="sr-only">
                      {' '}
                      {eventTypeLabels[event.type]} on {event.date}
                    </span>
                  </button>
                  <button
                    type="button"
                    class="link-button"
                    onClick={() => props.onChange(props.events.filter((_, i) => i !== index))}
                  >
                    Remove
                    <span class="sr-only">
                      {' '}
                      {eventTypeLabels[event.type]} on {event.date}
                    </span>
                  </button>
                </Show>
              </li>
            )}
          </For>
        </ol>
      </Show>
      <Show when={props.editable}>
        <Show
          when={editing()}
          keyed
          fallback={
            <div class="add-event">
              <label for="new-event-type">New event</label>
              <select
                id="new-event-type"
                value={newType()}
                onChange={(e) => setNewType(e.currentTarget.value as EventType)}
              >
                <For each={Object.entries(eventTypeLabels)}>
                  {([value, label]) => <option value={value}>{label}</option>}
                </For>
              </select>
              <button type="button" onClick={add}>
                Add event
              </button>
            </div>
          }
        >
          {(current) => (
            <EventForm
              draft={current.draft}
              teams={props.teams}
              levels={props.levels}
              onSave={save}
              onCancel={() => setEditing(null)}
            />
          )}
        </Show>
      </Show>
    </section>
  );
}
