import { Show } from 'solid-js';
import type { Forecast } from '../../shared';
import type { BurnoutGroup } from '../../shared/contract/dashboard-view';
import type { FiguresReading } from '../forecast/figures-source';
import type { ChartEvent } from './chart-events';
import { FanChart, type FanSeries } from './fan-chart';
import { GroupedBurnoutHeatMap } from './grouped-heat-map';
import { okabeIto } from './palette';
import { BurnoutHeatMap } from './team-heat-map';

interface ForecastChartsProps {
  forecast: Forecast;
  label: string;
  /** Drawn faintly under the forecast: the mean path of the scenario without its edits, in this browser. */
  baseline?: Forecast | undefined;
  baselineLabel?: string;
  measured?: boolean;
  heatMap?: boolean;
  /**
   * A large org's burnout heat map, grouped by the server (GET .../reports/dashboard), drawn in
   * place of the team map; `forecast` then holds no teams.
   */
  burnoutGroups?: { groups: readonly BurnoutGroup[]; teamCount: number } | undefined;
  /** Scenario events marked on the time axis. */
  events?: ChartEvent[] | undefined;
  /** What the forecast's figures are read on (default P50): a mean path is said so in legends and titles. */
  reading?: FiguresReading;
  /** The run the figures come from ("500-run server forecast", "live preview, 200 runs"), for read-outs and tables. */
  source?: string | undefined;
}

const lines = (props: ForecastChartsProps, pick: (f: Forecast) => FanSeries['band'], colour: string) => {
  const series: FanSeries[] = [];
  if (props.baseline)
    series.push({
      label: props.baselineLabel ?? 'Baseline',
      colour: okabeIto.black,
      band: pick(props.baseline),
      faint: true,
      meanPath: true,
      source: 'live preview',
    });
  series.push({
    label: props.label,
    colour,
    band: pick(props.forecast),
    meanPath: props.reading === 'mean path',
    source: props.source,
  });
  return series;
};

/** The org backlog fan chart, severity-2 incidents per week and the burnout heat map of a forecast. */
export function ForecastCharts(props: ForecastChartsProps) {
  return (
    <div class="charts">
      <FanChart
        title="Org sign-off backlog"
        unit="changes waiting"
        weeks={props.forecast.weeks}
        series={lines(props, (f) => f.org.metrics.backlog, okabeIto.blue)}
        height={240}
        measured={props.measured}
        events={props.events}
      />
      <FanChart
        title="Severity-2 incidents per week"
        unit="incidents / week"
        weeks={props.forecast.weeks}
        series={lines(props, (f) => f.org.metrics.sev2Incidents, okabeIto.vermillion)}
        height={170}
        digits={1}
        events={props.events}
      />
      <Show when={props.heatMap !== false}>
        <Show
          when={props.burnoutGroups}
          fallback={
            <BurnoutHeatMap
              forecast={props.forecast}
              reading={props.reading ?? 'P50'}
              source={props.source}
            />
          }
        >
          {(grouped) => (
            <GroupedBurnoutHeatMap
              groups={grouped().groups}
              teamCount={grouped().teamCount}
              weeks={props.forecast.weeks}
              source={props.source ?? 'server forecast'}
            />
          )}
        </Show>
      </Show>
    </div>
  );
}
