import { createSignal, For, Show } from 'solid-js';
import {
  type FieldIssue,
  formatIssues,
  type Level,
  type ScenarioEventInput,
  scenarioEventSchema,
} from '../../shared';
import { type EventType, eventFields, eventTypeLabels } from '../scenario/event-fields';
import { EventFieldInput } from './event-field-input';

interface EventFormProps {
  draft: Record<string, unknown>;
  teams: { id: string; name: string }[];
  levels: readonly Level[];
  onSave: (event: ScenarioEventInput) => void;
  onCancel: () => void;
}

/** Adds or edits one event; the shared schema checks it and its messages show by the field. */
export function EventForm(props: EventFormProps) {
  const [draft, setDraft] = createSignal<Record<string, unknown>>({ ...props.draft });
  const [issues, setIssues] = createSignal<FieldIssue[]>([]);
  const type = () => draft().type as EventType;
  const issueFor = (key: string) =>
    issues()
      .filter(
        (issue) => issue.path === key || issue.path.startsWith(`${key}.`) || issue.path.startsWith(`${key}[`),
      )
      .map((issue) => issue.message)
      .join('; ');
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const clean = Object.fromEntries(Object.entries(draft()).filter(([, value]) => value !== undefined));
    const parsed = scenarioEventSchema.safeParse(clean);
    if (!parsed.success) {
      setIssues(formatIssues(parsed.error));
      return;
    }
    props.onSave(clean as ScenarioEventInput);
  };
  return (
    <form class="event-form" onSubmit={submit} aria-label={`${eventTypeLabels[type()]} event`}>
      <h4>{eventTypeLabels[type()]}</h4>
      <div class="form-grid">
        <For each={eventFields[type()]}>
          {(field) => (
            <div class="field">
              <label for={`event-${field.key}`}>{field.label}</label>
              <EventFieldInput
                field={field}
                id={`event-${field.key}`}
                value={draft()[field.key]}
                teams={props.teams}
                levels={props.levels}
                onChange={(value) => setDraft({ ...draft(), [field.key]: value })}
              />
              <Show when={issueFor(field.key)}>
                <span class="field-error" role="alert">
                  {issueFor(field.key)}
                </span>
              </Show>
            </div>
          )}
        </For>
      </div>
      <div class="actions">
        <button type="submit">Apply</button>
        <button type="button" class="secondary" onClick={() => props.onCancel()}>
          Cancel
        </button>
      </div>
    </form>
  );
}
