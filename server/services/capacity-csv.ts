import type { CapacityWeekRow } from '../../shared/contract/capacity-report';
import { csvField } from '../../shared/csv/csv-write';
import type { ReportHead, TeamReportRow } from './capacity-report';

type Column<R> = readonly [name: string, pick: (row: R) => string | number | null];

/** Team-grain columns after the per-level headcount columns; names carry percentile and unit (README). */
const teamColumns: readonly Column<TeamReportRow>[] = [
  ['signoff_demand_p50_changes_per_week', (r) => r.signoffDemandPerWeek],
  ['signoff_capacity_p50_changes_per_week', (r) => r.signoffCapacityPerWeek],
  ['utilization_p50_share', (r) => r.utilization],
  ['backlog_at_horizon_p50_changes', (r) => r.backlogP50],
  ['backlog_at_horizon_p90_changes', (r) => r.backlogP90],
  ['first_breach_week_p50', (r) => r.firstBreachWeek],
  ['first_breach_metric', (r) => r.firstBreachMetric],
  ['first_breach_threshold', (r) => r.firstBreachThreshold],
  ['first_breach_value_p50', (r) => r.firstBreachValue],
  ['peak_burnout_risk_p50_index', (r) => r.burnoutRisk],
  ['reviewers_today_p50_people', (r) => r.reviewersToday],
  ['reviewers_needed_mean_path_people', (r) => r.reviewersNeeded],
  ['reviewer_gap_mean_path_people', (r) => r.reviewerGap],
  ['max_absorbable_layoff_mean_path_percent', (r) => r.maxLayoffPercent],
  ['model_error', (r) => r.modelError],
];

/** Week-grain columns after the per-level headcount columns. */
const weekColumns: readonly Column<CapacityWeekRow>[] = [
  ['reviewers_p50_people', (r) => r.reviewers],
  ['signoff_demand_p50_changes', (r) => r.signoffDemand],
  ['signoff_capacity_p50_changes', (r) => r.signoffCapacity],
  ['utilization_p50_share', (r) => r.utilization],
  ['backlog_p50_changes', (r) => r.backlogP50],
  ['backlog_p90_changes', (r) => r.backlogP90],
  ['p90_wait_p50_hours', (r) => r.p90WaitHours],
  ['service_level_p50_share', (r) => r.serviceLevel],
  ['burnout_risk_p50_index', (r) => r.burnoutRiskP50],
  ['burnout_risk_p90_index', (r) => r.burnoutRiskP90],
];

const cell = (value: string | number | null): string | number => value ?? '';

/** CSV lines (CRLF ends, RFC 4180) of some rows, as one text. */
const lines = (rows: readonly (readonly (string | number)[])[]): string =>
  rows.map((row) => `${row.map(csvField).join(',')}\r\n`).join('');

const headNames = ['scenario', 'scenario_version', 'forecast_runs', 'team', 'team_id'];

const rowHead = (report: ReportHead) => (row: { team: string; teamId: string }) => [
  report.scenario.name,
  report.scenario.version,
  report.runs,
  row.team,
  row.teamId,
];

/** Team rows written to the CSV this many at a time. */
const TEAM_BATCH = 256;

/**
 * The team-grain report as CSV text pieces (header, then batches of rows): `scenario`,
 * `scenario_version`, `forecast_runs` on every row (so a sheet cut out of it still says what it
 * is), `team`, `team_id`, the roster headcount today and the P50 headcount at the horizon per
 * level (`levels`), then {@link teamColumns}.
 */
export function* teamCsv(report: ReportHead, levels: readonly string[], rows: readonly TeamReportRow[]) {
  const head = rowHead(report);
  yield lines([
    [
      ...headNames,
      ...levels.map((l) => `headcount_today_${l}_people`),
      ...levels.map((l) => `headcount_at_horizon_${l}_p50_people`),
      ...teamColumns.map(([n]) => n),
    ],
  ]);
  for (let at = 0; at < rows.length; at += TEAM_BATCH) {
    yield lines(
      rows
        .slice(at, at + TEAM_BATCH)
        .map((r) => [
          ...head(r),
          ...levels.map((l) => r.headcountNow[l] ?? 0),
          ...levels.map((l) => r.headcountAtHorizon[l] ?? 0),
          ...teamColumns.map(([, pick]) => cell(pick(r))),
        ]),
    );
  }
}

/**
 * The week-grain report as CSV text pieces, one per page of rows as `pages` produces them: the
 * head columns, `week`, its P50 headcount per level, then {@link weekColumns}.
 */
export async function* weekCsv(
  report: ReportHead,
  levels: readonly string[],
  pages: AsyncIterable<readonly CapacityWeekRow[]>,
) {
  const head = rowHead(report);
  yield lines([
    [...headNames, 'week', ...levels.map((l) => `headcount_${l}_p50_people`), ...weekColumns.map(([n]) => n)],
  ]);
  for await (const rows of pages) {
    yield lines(
      rows.map((r) => [
        ...head(r),
        r.week,
        ...levels.map((l) => r.headcount[l] ?? 0),
        ...weekColumns.map(([, pick]) => cell(pick(r))),
      ]),
    );
  }
}
