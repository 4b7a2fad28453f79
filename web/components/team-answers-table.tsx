import { A } from '@solidjs/router';
import { createMemo, createSignal, For, Show } from 'solid-js';
import { type AnswerRow, type AnswerSort, answerSorts } from '../answers/answer-rows';
import { crossing } from '../answers/metric-words';
import { formatDate, formatNumber } from '../format';
import { createVirtualRows, SpacerRow } from './virtual-rows';

const columns: { key: AnswerSort; label: string; note: string; num?: boolean }[] = [
  { key: 'team', label: 'Team', note: '' },
  { key: 'breach', label: 'First breach', note: 'P50: date, metric, value > threshold' },
  {
    key: 'reviewers',
    label: 'Reviewers',
    note: 'today → needed at peak, mean path (to add)',
    num: true,
  },
  { key: 'layoff', label: 'Absorbable layoff', note: '% of sign-off reviewers, mean path', num: true },
  { key: 'burnout', label: 'Peak burnout', note: 'P50, index 0-100', num: true },
];

/**
 * Per-team answers: which teams break, when, on which threshold with which value, reviewers
 * needed against today, the layoff each absorbs and peak burnout. Sortable by every column;
 * `source` names where the figures come from ("P50 of the 500-run server forecast, version 3").
 * Team names link to the team's drill-down (`query` carries the scenario and version).
 */
export function TeamAnswersTable(props: {
  rows: AnswerRow[];
  source: string;
  query?: string | undefined;
  /** Heading, "Team answers" unless given (e.g. "Team answers: Layoff v2"). */
  title?: string;
}) {
  const titleId = `team-answers-title-${Math.random().toString(36).slice(2, 9)}`;
  const [sort, setSort] = createSignal<{ key: AnswerSort; descending: boolean }>({
    key: 'breach',
    descending: false,
  });
  const sorted = createMemo(() => {
    const { key, descending } = sort();
    const rows = [...props.rows].sort(answerSorts[key]);
    return descending ? rows.reverse() : rows;
  });
  const virtual = createVirtualRows(sorted, 56);
  const toggle = (key: AnswerSort) =>
    setSort((s) => ({ key, descending: s.key === key ? !s.descending : false }));
  const ariaSort = (key: AnswerSort) =>
    sort().key === key ? (sort().descending ? 'descending' : 'ascending') : undefined;
  return (
    <section class="panel team-answers" aria-labelledby={titleId}>
      <h2 id={titleId}>{props.title ?? 'Team answers'}</h2>
      <p class="muted">
        Source: {props.source}. Against the org's <A href="/settings/thresholds">breach thresholds</A>. Click
        a column to sort, a team to see why.
      </p>
      <div class="table-scroll" ref={virtual.ref}>
        <table class="answers" aria-rowcount={virtual.rowCount()}>
          <thead>
            <tr>
              <For each={columns}>
                {(column) => (
                  <th scope="col" aria-sort={ariaSort(column.key)} classList={{ num: column.num === true }}>
                    <button type="button" class="sort" onClick={() => toggle(column.key)}>
                      {column.label}
                    </button>
                    <Show when={column.note}>
                      <span class="th-note">{column.note}</span>
                    </Show>
                  </th>
                )}
              </For>
            </tr>
          </thead>
          <tbody>
            <SpacerRow px={virtual.before()} columns={columns.length} />
            <For each={virtual.visible()}>
              {(row, i) => (
                <tr aria-rowindex={virtual.rowIndex(i())}>
                  <th scope="row">
                    <A href={`/teams/${encodeURIComponent(row.teamId)}/answers${props.query ?? ''}`}>
                      {row.team}
                    </A>
                  </th>
                  <Show when={row.breach} fallback={<td>Holds over the horizon</td>}>
                    {(breach) => (
                      <td>
                        <span class="nowrap">{formatDate(breach().date)}</span>
                        <br />
                        <span class="muted">{crossing(breach())}</span>
                      </td>
                    )}
                  </Show>
                  <td class="num">
                    {formatNumber(row.reviewersToday, 1)} → {row.reviewersNeeded}
                    <Show when={row.reviewersToAdd > 0}>
                      <br />
                      <span class="muted">+{row.reviewersToAdd} to add</span>
                    </Show>
                  </td>
                  <td class="num">{row.maxLayoffPercent === null ? 'none' : `${row.maxLayoffPercent}%`}</td>
                  <td class="num">{formatNumber(row.peakBurnout, 1, 1)}</td>
                </tr>
              )}
            </For>
            <SpacerRow px={virtual.after()} columns={columns.length} />
          </tbody>
        </table>
      </div>
    </section>
  );
}
