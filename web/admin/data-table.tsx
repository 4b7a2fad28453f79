import { For, type JSX, Show } from 'solid-js';

/**
 * A labelled table in its own horizontal scroll box: `columns` heads, then one `row` per item
 * (the row draws its own `<tr>`); `actions` adds a last column headed "Actions" for screen readers.
 */
export function DataTable<T>(props: {
  label: string;
  columns: readonly string[];
  actions?: boolean;
  items: readonly T[];
  row: (item: T, index: () => number) => JSX.Element;
}) {
  return (
    <div class="table-scroll">
      <table aria-label={props.label}>
        <thead>
          <tr>
            <For each={props.columns}>{(column) => <th>{column}</th>}</For>
            <Show when={props.actions}>
              <th>
                <span class="sr-only">Actions</span>
              </th>
            </Show>
          </tr>
        </thead>
        <tbody>
          <For each={props.items}>{(item, index) => props.row(item, index)}</For>
        </tbody>
      </table>
    </div>
  );
}
