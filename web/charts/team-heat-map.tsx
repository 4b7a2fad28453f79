import { createMemo } from 'solid-js';
import type { Band, Forecast } from '../../shared';
import type { FiguresReading } from '../forecast/figures-source';
import { formatDate, formatNumber } from '../format';
import type { ChartTable } from './chart-table';
import { HeatMapView, type HeatRow } from './heat-map';
import { runCaption } from './run-caption';

/** A team's row: burnout risk per week (index 0-100), P10, P50 (drawn), P90. */
interface TeamRow extends HeatRow {
  risk: Band;
  peak: number;
}

/** Teams with their burnout risk per week, highest P50 peak first. */
const byPeak = (forecast: Forecast): TeamRow[] =>
  forecast.teams
    .map((team) => ({
      name: team.name,
      values: team.metrics.burnoutRisk.p50,
      risk: team.metrics.burnoutRisk,
      peak: Math.max(...team.metrics.burnoutRisk.p50),
    }))
    .sort((a, b) => b.peak - a.peak);

/** What the heat map's figures are: their reading and the run they come from ("500-run server forecast"). */
export interface HeatSource {
  reading: FiguresReading;
  source?: string | undefined;
}

/**
 * "Checkout, week of 4 Jan 2027: burnout risk P50 62 (P10 48 to P90 75; 500-run server forecast),
 * index 0-100", or on a mean path "burnout risk mean path 62 (live preview), index 0-100".
 */
const readoutOf = (team: TeamRow, week: string, i: number, { reading, source }: HeatSource) => {
  const n = (values: ArrayLike<number>) => formatNumber(values[i] ?? 0);
  const figures =
    reading === 'mean path'
      ? `mean path ${n(team.risk.p50)}${source ? ` (${source})` : ''}`
      : `P50 ${n(team.risk.p50)} (P10 ${n(team.risk.p10)} to P90 ${n(team.risk.p90)}${source ? `; ${source}` : ''})`;
  return `${team.name}, week of ${formatDate(week)}: burnout risk ${figures}, index 0-100`;
};

/** "from 6 Apr 2026 to 29 Mar 2027", or empty without weeks. */
export const weekSpan = (weeks: readonly string[]): string => {
  const first = weeks[0];
  const last = weeks.at(-1);
  return `from ${first ? formatDate(first) : ''} to ${last ? formatDate(last) : ''}`;
};

/** Heat map of every team's burnout risk per week (rows sorted by peak), read on `reading`. */
export function BurnoutHeatMap(props: { forecast: Forecast } & HeatSource) {
  const teams = createMemo(() => byPeak(props.forecast));
  /** Teams down (as drawn, by peak risk), weeks across; the first header names the run. */
  const table = (): ChartTable => ({
    columns: [
      props.source ? `Team (${props.source})` : 'Team',
      ...props.forecast.weeks.map((week) => `${week} ${props.reading} burnout (0-100)`),
    ],
    rows: teams().map((team) => [team.name, ...Array.from(team.risk.p50, (r) => Number(r.toFixed(1)))]),
  });
  return (
    <HeatMapView
      rows={teams()}
      weeks={props.forecast.weeks}
      title={`Burnout risk by team and week (${props.reading}, index 0-100; teams sorted by peak risk)`}
      run={props.source ? runCaption(props.reading, props.source) : undefined}
      label={`Heat map of burnout risk for ${teams().length} teams ${weekSpan(props.forecast.weeks)}. Arrow keys read each team's weekly values.`}
      table={table}
      readout={(team, week) => readoutOf(team, props.forecast.weeks[week]!, week, props)}
    />
  );
}
