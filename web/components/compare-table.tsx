import { For } from 'solid-js';
import { breachMetrics, type Forecast } from '../../shared';
import { withAlpha } from '../charts/palette';
import { breachLabels, keyFigures } from '../forecast/summary';
import { formatDate, formatNumber } from '../format';

export interface ComparedScenario {
  name: string;
  colour: string;
  forecast: Forecast;
  reviewersNeeded: number | null;
  /** Where the figures come from: "500-run server forecast" or the browser preview. */
  source: string;
  /** The figures are the preview's mean path (no Monte Carlo bands in yet). */
  meanPath: boolean;
}

const breachText = (breach: { week: number; date: string } | null) =>
  breach ? `week ${breach.week} · ${formatDate(breach.date)}` : 'holds';

/** Key differences of 2-4 scenarios: one column per scenario, one row per figure. */
export function CompareTable(props: { scenarios: ComparedScenario[] }) {
  const figures = () => props.scenarios.map((s) => keyFigures(s.forecast));
  /** A scenario's figures, each marked "(mean path)" while its preview has no bands yet (rows say P50). */
  const read = (show: (f: ReturnType<typeof keyFigures>) => string) =>
    figures().map((f, i) => (props.scenarios[i]?.meanPath ? `${show(f)} (mean path)` : show(f)));
  const rows = (): { label: string; values: string[] }[] => [
    { label: 'Source', values: props.scenarios.map((s) => s.source) },
    { label: 'First breach (any team)', values: read((f) => breachText(f.firstBreach)) },
    ...breachMetrics.map((metric) => ({
      label: `Org breach: ${breachLabels[metric]}`,
      values: read((f) => breachText(f.orgBreaches[metric])),
    })),
    { label: 'Teams at risk', values: read((f) => `${f.teamsAtRisk} of ${f.teamCount}`) },
    {
      label: 'Reviewers needed vs today (mean path)',
      values: props.scenarios.map(
        (s, i) =>
          `${s.reviewersNeeded === null ? '…' : formatNumber(s.reviewersNeeded)} vs ${formatNumber(figures()[i]?.reviewersToday ?? 0)}`,
      ),
    },
    { label: 'Peak org burnout risk (P50, 0-100)', values: read((f) => formatNumber(f.peakBurnout, 1, 1)) },
    { label: 'Severity-2 incidents over horizon (P50)', values: read((f) => formatNumber(f.incidents)) },
  ];
  return (
    <table class="panel compare-table">
      <caption>Key differences</caption>
      <thead>
        <tr>
          <th scope="col">Figure</th>
          <For each={props.scenarios}>
            {(s) => (
              <th
                scope="col"
                style={{ 'border-bottom': `3px solid ${s.colour}`, background: withAlpha(s.colour, 0.08) }}
              >
                {s.name}
              </th>
            )}
          </For>
        </tr>
      </thead>
      <tbody>
        <For each={rows()}>
          {(row) => (
            <tr>
              <th scope="row">{row.label}</th>
              <For each={row.values}>{(value) => <td>{value}</td>}</For>
            </tr>
          )}
        </For>
      </tbody>
    </table>
  );
}
