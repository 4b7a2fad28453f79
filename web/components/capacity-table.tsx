import { createMemo, createSignal, For } from 'solid-js';
import type { CapacityRow } from '../../shared/contract/capacity-report';
import { formatFixed } from '../format';
import { createVirtualRows, SpacerRow } from './virtual-rows';

type Cell = string | number | boolean | null;
type Row = Record<string, Cell>;

/** Spreads object cells into one column per key: `headcountNow` becomes `headcountNow.senior`, .... */
const flatten = (row: CapacityRow): Row =>
  Object.fromEntries(
    Object.entries(row).flatMap(([key, value]) =>
      value !== null && typeof value === 'object'
        ? Object.entries(value).map(([inner, cell]) => [`${key}.${inner}`, cell])
        : [[key, value ?? null]],
    ),
  );

const compare = (a: Cell, b: Cell): number => {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), 'en', { numeric: true });
};

/** Columns the CSV keeps for tools but a reader does not need in the table (model error: a sentence, listed under it). */
const hidden = new Set(['teamId', 'modelError']);

/**
 * Headings that name the percentile (or the mean path) and unit of a report column, as the CSV's
 * column names do; other columns (team, today's roster, the breached metric) are named from their key.
 */
const headings: Record<string, string> = {
  signoffDemandPerWeek: 'Sign-off demand (P50, changes / week)',
  signoffCapacityPerWeek: 'Sign-off capacity (P50, changes / week)',
  utilization: 'Utilisation (P50, share)',
  backlogP50: 'Backlog at horizon (P50, changes)',
  backlogP90: 'Backlog at horizon (P90, changes)',
  firstBreachWeek: 'First breach week (P50)',
  firstBreachValue: 'First breach value (P50)',
  burnoutRisk: 'Peak burnout risk (P50, 0-100)',
  reviewersToday: 'Reviewers today (people)',
  reviewersNeeded: 'Reviewers needed (mean path, people)',
  reviewerGap: 'Reviewer gap (mean path, people)',
  maxLayoffPercent: 'Absorbable layoff (mean path, %)',
};

const heading = (key: string) => {
  const known = headings[key];
  if (known) return known;
  const [group, level] = key.split('.');
  if (group === 'headcountAtHorizon') return `Headcount at horizon ${level} (P50, people)`;
  if (group === 'headcountNow') return `Headcount now ${level} (people)`;
  return keyWords(key);
};

const keyWords = (key: string) =>
  key
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[._]/g, ' ')
    .toLowerCase()
    .replace(/^./, (c) => c.toUpperCase());

/** The report rows as a table; a column header button sorts by it, again to reverse. */
export function CapacityTable(props: { rows: readonly CapacityRow[] }) {
  const rows = createMemo(() => props.rows.map(flatten));
  const [sort, setSort] = createSignal<{ key: string; direction: 1 | -1 } | null>(null);
  const columns = createMemo(() => Object.keys(rows()[0] ?? {}).filter((key) => !hidden.has(key)));
  /** Decimals of each column: 2 when any of its numbers has a fraction, so a column's figures line up. */
  const decimals = createMemo(() => {
    const all = rows();
    return new Map(
      columns().map((key) => [
        key,
        all.some((row) => typeof row[key] === 'number' && !Number.isInteger(row[key])) ? 2 : 0,
      ]),
    );
  });
  const sorted = createMemo(() => {
    const current = sort();
    if (!current) return rows();
    return [...rows()].sort(
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
  const virtual = createVirtualRows(sorted);
  return (
    <section
      class="table-scroll tall panel"
      tabindex="0"
      aria-label="Capacity report table"
      ref={virtual.ref}
    >
      <table class="report" aria-rowcount={virtual.rowCount()}>
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
          <SpacerRow px={virtual.before()} columns={columns().length} />
          <For each={virtual.visible()}>
            {(row, i) => (
              <tr aria-rowindex={virtual.rowIndex(i())}>
                <For each={columns()}>
                  {(key) => {
                    const value = row[key];
                    return (
                      <td class={typeof value === 'number' ? 'num' : ''}>
                        {typeof value === 'number'
                          ? formatFixed(value, decimals().get(key) ?? 2)
                          : String(value ?? '')}
                      </td>
                    );
                  }}
                </For>
              </tr>
            )}
          </For>
          <SpacerRow px={virtual.after()} columns={columns().length} />
        </tbody>
      </table>
    </section>
  );
}
