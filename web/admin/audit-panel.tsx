import { createResource, createSignal, For, Show } from 'solid-js';
import { adminApi } from '../api/admin-client';
import { type AuditFilter, settingsApi } from '../api/settings-client';
import { createAction } from './action';
import { ActionOutcome } from './action-outcome';
import { ListPanel } from './list-panel';
import { when } from './role-options';

/** A local calendar day (`YYYY-MM-DD`) as the instant it starts, or its end (the next day's start). */
const dayStart = (day: string, next = false): string => {
  if (!day) return '';
  const date = new Date(`${day}T00:00:00`);
  if (next) date.setDate(date.getDate() + 1);
  return date.toISOString();
};

const compact = (value: unknown): string =>
  value === null || value === undefined ? '—' : JSON.stringify(value);

/**
 * The audit log, newest first: filter by who, action, entity and days (the reader's own time
 * zone), fifty entries at a time with "Show more", and the same filter as a CSV download.
 */
export function AuditPanel(props: { slug: string }) {
  const [filter, setFilter] = createSignal<AuditFilter>({});
  const [cursor, setCursor] = createSignal<string | null>(null);
  const [vocabulary, setVocabulary] = createSignal<{ actions: string[]; entities: string[] }>();
  const [entries, resource] = createResource(
    () => ({ slug: props.slug, filter: filter() }),
    async ({ slug, filter }) => {
      const first = await settingsApi.audit(slug, filter);
      setCursor(first.nextCursor);
      setVocabulary({ actions: first.actions, entities: first.entities });
      return first.items;
    },
  );
  const [people] = createResource(
    () => props.slug,
    async (slug) => {
      const [members, tokens] = await Promise.all([adminApi.members(slug), adminApi.tokens(slug)]);
      return [
        ...members.map((m) => ({ value: `user:${m.id}`, label: m.email })),
        ...tokens.map((t) => ({ value: `token:${t.id}`, label: `Token ${t.name}` })),
        { value: 'system', label: 'System' },
      ];
    },
  );
  const action = createAction();
  const showMore = async () => {
    const next = await action.run(() => settingsApi.audit(props.slug, filter(), cursor() ?? undefined));
    if (!next) return;
    resource.mutate((list) => [...(list ?? []), ...next.items]);
    setCursor(next.nextCursor);
  };
  const apply = (event: SubmitEvent) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const text = (name: string) => String(data.get(name) ?? '');
    setFilter({
      actor: text('actor'),
      action: text('action'),
      entity: text('entity'),
      from: dayStart(text('from')),
      to: dayStart(text('to'), true),
    });
  };
  const Choices = (p: { values: string[] | undefined }) => (
    <For each={p.values ?? []}>{(value) => <option value={value}>{value}</option>}</For>
  );
  return (
    <>
      <form class="panel filters" aria-label="Audit filters" onSubmit={apply}>
        <label>
          Who
          <select name="actor">
            <option value="">Anyone</option>
            <For each={people() ?? []}>{(p) => <option value={p.value}>{p.label}</option>}</For>
          </select>
        </label>
        <label>
          Action
          <select name="action">
            <option value="">Any</option>
            <Choices values={vocabulary()?.actions} />
          </select>
        </label>
        <label>
          Entity
          <select name="entity">
            <option value="">Any</option>
            <Choices values={vocabulary()?.entities} />
          </select>
        </label>
        <label>
          From <input name="from" type="date" />
        </label>
        <label>
          To (inclusive) <input name="to" type="date" />
        </label>
        <button type="submit">Apply</button>
        <a class="button secondary" href={settingsApi.auditCsvHref(props.slug, filter())} download="">
          Download CSV
        </a>
      </form>
      <ListPanel
        id="audit-title"
        title="Audit log"
        items={entries}
        retry={() => void resource.refetch()}
        what="the audit log"
        empty="No audit entries match."
        columns={['When', 'Who', 'Action', 'Entity', 'Change']}
        row={(entry) => (
          <tr>
            <td>{when(entry.at)}</td>
            <td>{entry.actorName ?? entry.actor}</td>
            <td>{entry.action}</td>
            <td>
              {entry.entity}
              <Show when={entry.entityId}>
                <br />
                <code class="muted">{entry.entityId}</code>
              </Show>
            </td>
            <td class="change">
              <details>
                <summary>Before and after</summary>
                <p>Before: {compact(entry.before)}</p>
                <p>After: {compact(entry.after)}</p>
              </details>
            </td>
          </tr>
        )}
      >
        <ActionOutcome action={action} />
      </ListPanel>
      <Show when={cursor()}>
        <button type="button" class="secondary" disabled={action.busy()} onClick={() => void showMore()}>
          {action.busy() ? 'Loading…' : 'Show more'}
        </button>
      </Show>
    </>
  );
}
