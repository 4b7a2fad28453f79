import { For, Show } from 'solid-js';
import type { Forecast } from '../../shared';
import { breachLabels, teamsByFirstBreach } from '../forecast/summary';
import { formatDate, formatNumber } from '../format';

/** Table of teams sorted by first breach (earliest first), with the metric and peak burnout read on `reading` (P50, mean path). */
export function TeamsBreachList(props: { forecast: Forecast; reading: string }) {
  const rows = () => teamsByFirstBreach(props.forecast);
  return (
    <section class="panel">
      <h2>Teams by first breach</h2>
      <section class="table-scroll" tabindex="0" aria-label="Teams by first breach table">
        <table>
          <thead>
            <tr>
              <th scope="col">Team</th>
              <th scope="col">First breach (metric)</th>
              <th scope="col" class="num">
                Peak burnout
                <br />({props.reading}, 0-100)
              </th>
            </tr>
          </thead>
          <tbody>
            <For each={rows()}>
              {(row) => (
                <tr>
                  <th scope="row">{row.name}</th>
                  <Show when={row.first} fallback={<td>Holds over the horizon</td>}>
                    {(first) => (
                      <td>
                        <span class="nowrap">
                          week {first().week} · {formatDate(first().date)}
                        </span>
                        <br />
                        <span class="muted">{breachLabels[first().metric]}</span>
                      </td>
                    )}
                  </Show>
                  <td class="num">{formatNumber(row.peakBurnout, 1, 1)}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </section>
    </section>
  );
}
