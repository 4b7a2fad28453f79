import { createMemo, createSignal, For } from 'solid-js';

type Row = Record<string, string | number | boolean | null>;

const compare = (a: Row[string], b: Row[string]): number => {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), 'en', { numeric: true });
};

const heading = (key: string) => key.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/_/g, ' ');

/** The report rows as a table; a column header button sorts by it, again to reverse. */
export function CapacityTable(props: { rows: Row[] }) {
  const [sort, setSort] = createSignal<{ key: string; direction: 1 | -1 } | null>(null);
  const columns = createMemo(() => Object.keys(props.rows[0] ?? {}));
  const sorted = createMemo(() => {
    const current = sort();
    if (!current) return props.rows;
    return [...props.rows].sort(
      (a, b) => current.direction * compare(a[current.key] ?? null, b[current.key] ?? null),
    );
  });
  const toggle = (key: string) =>
    setSort((current) =>
      current?.key === key ? { key, direction: current.direction === 1 ? -1 : 1 } : { key, direction: 1 },
    );
  const ariaSort = (key: string) => {
    const current = sort();
    if (current?.key !== key) return 'none';
    return current.direction === 1 ? 'ascending' : 'descending';
  };
  return (
    <div class="table-scroll tall panel">
      <table class="report">
        <thead>
          <tr>
            <For each={columns()}>
              {(key) => (
                <th scope="col" aria-sort={ariaSort(key)}>
                  <button type="button" class="sort" onClick={() => toggle(key)}>
                    {heading(key)}
                    <span aria-hidden="true">
                      {ariaSort(key) === 'ascending' ? ' ▲' : ariaSort(key) === 'descending' ? ' ▼' : ''}
                    </span>
                  </button>
                </th>
              )}
            </For>
          </tr>
        </thead>
        <tbody>
          <For each={sorted()}>
            {(row) => (
              <tr>
                <For each={columns()}>
                  {(key) => {
                    const value = row[key];
                    return (
                      <td class={typeof value === 'number' ? 'num' : ''}>
                        {typeof value === 'number' ? Number(value.toFixed(2)) : String(value ?? '')}
                      </td>
                    );
                  }}
                </For>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}
