import { notFound } from '../errors';
import { toCsv } from './csv-write';
import type { CapacityRow } from './forecast-summary';
import { type ForecastContext, type ForecastOrg, forecastScenario } from './forecasts';
import { planOfRecordId } from './scenarios';

export interface CapacityReport {
  scenario: { id: string; name: string; version: number };
  horizon: number;
  generatedAt: string;
  runId: string;
  rows: CapacityRow[];
}

/**
 * The capacity report of a scenario (default: the org's plan of record) over `horizon` weeks,
 * from the stored forecast of its latest version (computed once, then cached).
 */
export async function capacityReport(
  ctx: ForecastContext,
  org: ForecastOrg,
  request: { scenarioId?: string | undefined; horizon: number },
): Promise<CapacityReport> {
  const scenarioId = request.scenarioId ?? (await planOfRecordId(ctx.db, org.id));
  if (!scenarioId) throw notFound('plan of record (pass ?scenario=<id>)');
  const { run, name, report } = await forecastScenario(ctx, org, { scenarioId, horizon: request.horizon });
  return {
    scenario: { id: scenarioId, name, version: run.version },
    horizon: request.horizon,
    generatedAt: ctx.now.toISOString(),
    runId: run.id,
    rows: report as CapacityRow[],
  };
}

/** Fixed CSV columns after the per-level headcount columns (documented in the README). */
const tailColumns = [
  ['signoff_demand_per_week', (r: CapacityRow) => r.signoffDemandPerWeek],
  ['signoff_capacity_per_week', (r: CapacityRow) => r.signoffCapacityPerWeek],
  ['utilization', (r: CapacityRow) => r.utilization],
  ['backlog_p50', (r: CapacityRow) => r.backlogP50],
  ['backlog_p90', (r: CapacityRow) => r.backlogP90],
  ['first_breach_week', (r: CapacityRow) => r.firstBreachWeek],
  ['first_breach_metric', (r: CapacityRow) => r.firstBreachMetric],
  ['burnout_risk', (r: CapacityRow) => r.burnoutRisk],
  ['reviewers_needed', (r: CapacityRow) => r.reviewersNeeded],
  ['reviewer_gap', (r: CapacityRow) => r.reviewerGap],
] as const;

/**
 * The report as CSV: `team`, `team_id`, `headcount_now_<level>` and `headcount_horizon_<level>`
 * per level of the ladder, then {@link tailColumns}.
 */
export function capacityCsv(report: CapacityReport): string {
  const levels = Object.keys(report.rows[0]?.headcountNow ?? {});
  const header = [
    'team',
    'team_id',
    ...levels.map((l) => `headcount_now_${l}`),
    ...levels.map((l) => `headcount_horizon_${l}`),
    ...tailColumns.map(([name]) => name),
  ];
  const rows = report.rows.map((r) => [
    r.team,
    r.teamId,
    ...levels.map((l) => r.headcountNow[l] ?? 0),
    ...levels.map((l) => r.headcountAtHorizon[l] ?? 0),
    ...tailColumns.map(([, pick]) => pick(r)),
  ]);
  return toCsv(header, rows);
}
