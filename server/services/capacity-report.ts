import type { Forecast, ModelError } from '../../shared/index';
import { notFound } from '../errors';
import type { CapacityRow } from './forecast-summary';
import { type ForecastContext, type ForecastOrg, forecastScenario } from './forecasts';
import { planOfRecordId } from './scenarios';

/** One team-week of the week-grain report (P50 unless the field says P90). */
export interface WeekRow {
  team: string;
  teamId: string;
  week: string;
  headcount: Record<string, number>;
  reviewers: number;
  signoffDemand: number;
  signoffCapacity: number;
  utilization: number;
  backlogP50: number;
  backlogP90: number;
  p90WaitHours: number;
  serviceLevel: number;
  burnoutRiskP50: number;
  burnoutRiskP90: number;
}

interface ReportHead {
  scenario: { id: string; name: string; version: number };
  horizon: number;
  /** Monte Carlo runs of the forecast read (0: the mean path). */
  runs: number;
  generatedAt: string;
  runId: string;
}

/** A team row with its model-error line (empty for a run stored before runs carried them). */
export type TeamReportRow = CapacityRow & { modelError: string };

export type CapacityReport = ReportHead & { grain: 'team'; rows: TeamReportRow[] };

/** A run's model-error text per team id (empty for a run stored before runs carried it). */
const modelErrorText = (summary: Record<string, unknown>) => {
  const lines = (summary.modelError ?? []) as ModelError[];
  return (teamId: string) => lines.find((line) => line.teamId === teamId)?.text ?? '';
};
export type WeekReport = ReportHead & { grain: 'week'; rows: WeekRow[] };

export interface ReportRequest {
  scenarioId?: string | undefined;
  version?: number | undefined;
  horizon: number;
}

const round = (value: number, digits = 2) => Number((value ?? 0).toFixed(digits));

/** Team x week rows of a stored forecast: every team's P50 (and P90 where named) per week. */
export function weekRows(forecast: Forecast): WeekRow[] {
  return forecast.teams.flatMap((team) => {
    const m = team.metrics;
    return forecast.weeks.map((week, w) => ({
      team: team.name,
      teamId: team.id,
      week,
      headcount: Object.fromEntries(forecast.levels.map((l) => [l, round(m.headcount[l]!.p50[w]!)])),
      reviewers: round(m.reviewers.p50[w]!),
      signoffDemand: round(m.signoffDemand.p50[w]!),
      signoffCapacity: round(m.capacityChanges.p50[w]!),
      utilization: round(m.utilization.p50[w]!, 3),
      backlogP50: round(m.backlog.p50[w]!),
      backlogP90: round(m.backlog.p90[w]!),
      p90WaitHours: round(m.p90WaitHours.p50[w]!, 1),
      serviceLevel: round(m.serviceLevel.p50[w]!, 3),
      burnoutRiskP50: round(m.burnoutRisk.p50[w]!, 1),
      burnoutRiskP90: round(m.burnoutRisk.p90[w]!, 1),
    }));
  });
}

/**
 * The capacity report of a scenario version (default: the org's plan of record, latest version)
 * over `horizon` weeks, from its stored forecast (computed once, then cached): one row per team,
 * or with grain 'week' one row per team and week.
 */
export async function capacityReport(
  ctx: ForecastContext,
  org: ForecastOrg,
  request: ReportRequest & { grain: 'team' | 'week' },
): Promise<CapacityReport | WeekReport> {
  const scenarioId = request.scenarioId ?? (await planOfRecordId(ctx.db, org.id));
  if (!scenarioId) throw notFound('plan of record (pass ?scenario=<id>)');
  const result = await forecastScenario(ctx, org, {
    scenarioId,
    version: request.version,
    horizon: request.horizon,
  });
  const head: ReportHead = {
    scenario: { id: scenarioId, name: result.name, version: result.run.version },
    horizon: request.horizon,
    runs: Number(result.run.options.runs ?? 0),
    generatedAt: ctx.now.toISOString(),
    runId: result.run.id,
  };
  if (request.grain === 'week') return { ...head, grain: 'week', rows: weekRows(await result.load()) };
  const errorOf = modelErrorText(result.run.summary);
  const rows = (result.report as CapacityRow[]).map((row) => ({ ...row, modelError: errorOf(row.teamId) }));
  return { ...head, grain: 'team', rows };
}
