import type { BurnoutGroup } from '../../shared/contract/dashboard-view';
import { formatDate, formatNumber } from '../format';
import type { ChartTable } from './chart-table';
import { HeatMapView } from './heat-map';
import { runCaption } from './run-caption';
import { weekSpan } from './team-heat-map';

interface GroupedProps {
  groups: readonly BurnoutGroup[];
  weeks: readonly string[];
  /** Teams in all the groups. */
  teamCount: number;
  /** The run the figures come from ("500-run server forecast"). */
  source: string;
}

/**
 * "Ranks 1-200 (200 teams; highest Team 00412, peak 78), week of 4 Jan 2027: P90 of the teams'
 * P50 burnout risk 62, highest 75 (500-run server forecast), index 0-100".
 */
const readoutOf = (group: BurnoutGroup, week: string, i: number, source: string) =>
  `${group.label} (${group.teams} ${group.teams === 1 ? 'team' : 'teams'}; highest ${group.top.name}, peak ${formatNumber(group.top.peak, 1)}), week of ${formatDate(week)}: P90 of the teams' P50 burnout risk ${formatNumber(group.p90[i] ?? 0)}, highest ${formatNumber(group.max[i] ?? 0)} (${source}), index 0-100`;

/**
 * Heat map of a large org's burnout risk: its teams ranked by peak P50 burnout and cut into
 * groups of consecutive ranks (the server's `burnoutGroups`), each row the P90 of its teams' P50
 * per week, so 10,000 teams take 50 rows.
 */
export function GroupedBurnoutHeatMap(props: GroupedProps) {
  const rows = () => props.groups.map((group) => ({ ...group, name: group.label, values: group.p90 }));
  const table = (): ChartTable => ({
    columns: [
      `Teams by peak burnout rank (${props.source})`,
      'Teams',
      ...props.weeks.map((week) => `${week} P90 of the teams' P50 burnout (0-100)`),
    ],
    rows: props.groups.map((group) => [
      group.label,
      group.teams,
      ...group.p90.map((value) => Number(value.toFixed(1))),
    ]),
  });
  return (
    <HeatMapView
      rows={rows()}
      weeks={props.weeks}
      title={`Burnout risk by group of teams and week (P90 of the teams' P50, index 0-100; ${formatNumber(props.teamCount)} teams ranked by peak risk in ${props.groups.length} groups)`}
      run={runCaption("P90 of the teams' P50", props.source)}
      label={`Heat map of burnout risk for ${formatNumber(props.teamCount)} teams in ${props.groups.length} groups of peak rank ${weekSpan(props.weeks)}. Arrow keys read each group's weekly values.`}
      table={table}
      readout={(group, week) => readoutOf(group, props.weeks[week]!, week, props.source)}
    />
  );
}
