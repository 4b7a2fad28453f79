import type { HistoryWeek } from '../../shared';
import { LineChart } from '../charts/line-chart';
import { okabeIto } from '../charts/palette';

const percent = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : null);
const share = (value: number | null) => (value === null ? null : Math.round(value * 1000) / 10);

/** The History page's three charts for one team's weekly totals. */
export function HistoryCharts(props: { rows: HistoryWeek[] }) {
  const weeks = () => props.rows.map((r) => r.week);
  return (
    <div class="chart-grid">
      <LineChart
        title="Authored, signed off and open per week"
        unit="changes"
        weeks={weeks()}
        height={240}
        series={[
          { label: 'Authored', colour: okabeIto.blue, values: props.rows.map((r) => r.authored) },
          { label: 'Signed off', colour: okabeIto.green, values: props.rows.map((r) => r.signedOff) },
          { label: 'Open at week end', colour: okabeIto.vermillion, values: props.rows.map((r) => r.open) },
        ]}
      />
      <LineChart
        title="AI-assisted share of changes authored"
        unit="% of authored"
        weeks={weeks()}
        height={200}
        max={100}
        series={[
          {
            label: 'AI-assisted',
            colour: okabeIto.purple,
            values: props.rows.map((r) => percent(r.aiAssisted, r.authored)),
          },
        ]}
      />
      <LineChart
        title="Reviewer concentration: share of sign-offs"
        unit="% of sign-offs"
        weeks={weeks()}
        height={200}
        max={100}
        series={[
          {
            label: 'Top reviewer',
            colour: okabeIto.orange,
            values: props.rows.map((r) => share(r.top1Share)),
          },
          {
            label: 'Top 3 reviewers',
            colour: okabeIto.skyBlue,
            values: props.rows.map((r) => share(r.top3Share)),
          },
        ]}
      />
    </div>
  );
}
