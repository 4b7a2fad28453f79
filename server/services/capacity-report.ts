import {
  type CapacityOrg,
  type CapacityWeekRow,
  orgPeakBurnout,
} from '../../shared/contract/capacity-report';
import type { Forecast, ModelError, TeamForecast } from '../../shared/index';
import type { Db } from '../db/client';
import { notFound, ProblemError } from '../errors';
import { modelRevision } from './forecast-memo';
import type { CapacityRow } from './forecast-summary';
import { type ForecastContext, type ForecastOrg, forecastScenario } from './forecasts';
import { type ResponseBytes, responseBytes } from './response-bytes';
import { planOfRecordId } from './scenarios';
import { parseTeamChunk } from './series-chunks';
import { storedChunkCount, storedSeriesHead, storedTeamChunk, storedTeamChunks } from './stored-runs';

/** One team-week of the week-grain report (P50 unless the field says P90). */
export interface ReportHead {
  scenario: { id: string; name: string; version: number };
  horizon: number;
  /** Monte Carlo runs of the forecast read (0: the mean path). */
  runs: number;
  /** When the stored forecast the report reads was computed (so a report's bytes depend on the run alone). */
  generatedAt: string;
  runId: string;
}

/** A team row with its model-error line (empty for a run stored before runs carried them). */
export type TeamReportRow = CapacityRow & { modelError: string };

export type CapacityReport = ReportHead & { grain: 'team'; org: CapacityOrg; rows: TeamReportRow[] };

/** A run's model-error text per team id (empty for a run stored before runs carried it). */
const modelErrorText = (summary: Record<string, unknown>) => {
  const lines = new Map(((summary.modelError ?? []) as ModelError[]).map((line) => [line.teamId, line.text]));
  return (teamId: string) => lines.get(teamId) ?? '';
};
/** A page of the week-grain report: the team-weeks of one stored chunk of up to 256 teams. */
export type WeekReport = ReportHead & { grain: 'week'; rows: CapacityWeekRow[]; nextCursor: string | null };

export interface ReportRequest {
  scenarioId?: string | undefined;
  version?: number | undefined;
  horizon: number;
  /** Monte Carlo runs (0: the mean path; default: the forecast default). */
  runs?: number | undefined;
}

const round = (value: number, digits = 2) => Number((value ?? 0).toFixed(digits));

/** Team x week rows of forecast teams: every team's P50 (and P90 where named) per week. */
export function weekRows(
  forecast: Pick<Forecast, 'weeks' | 'levels'>,
  teams: readonly TeamForecast[],
): CapacityWeekRow[] {
  return teams.flatMap((team) => {
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

/** The org's plan of record; with `ctx.memo`, remembered at the model revision (any scenario write raises it). */
async function planOfRecordOf(ctx: ForecastContext, orgId: string, revision: number | undefined) {
  if (!ctx.memo || revision === undefined) return planOfRecordId(ctx.db, orgId);
  const key = `plan-of-record\n${orgId}\n${revision}`;
  const known = ctx.memo.remembered(key);
  if (known !== undefined) return known || undefined;
  const id = await planOfRecordId(ctx.db, orgId);
  ctx.memo.text(key, () => id ?? '');
  return id;
}

/**
 * The stored forecast a report reads (default scenario: the org's plan of record, latest
 * version; computed once, then cached) and the report's head.
 */
export async function reportSource(
  ctx: ForecastContext,
  org: ForecastOrg,
  request: ReportRequest,
): Promise<{ head: ReportHead; summary: Record<string, unknown>; teamRows: CapacityRow[] }> {
  const revision = ctx.memo ? (ctx.revision ?? (await modelRevision(ctx.db, org.id))) : undefined;
  const scenarioId = request.scenarioId ?? (await planOfRecordOf(ctx, org.id, revision));
  if (!scenarioId) throw notFound('plan of record (pass ?scenario=<id>)');
  // Not spread when unchanged: a spread would read ctx.signal, which a route may build only on use.
  const scoped = revision === ctx.revision ? ctx : { ...ctx, revision };
  const result = await forecastScenario(scoped, org, {
    scenarioId,
    version: request.version,
    horizon: request.horizon,
    runs: request.runs,
  });
  const head: ReportHead = {
    scenario: { id: scenarioId, name: result.name, version: result.run.version },
    horizon: request.horizon,
    runs: Number(result.run.options.runs ?? 0),
    generatedAt: result.run.createdAt,
    runId: result.run.id,
  };
  return { head, summary: result.run.summary, teamRows: result.report as CapacityRow[] };
}

/** The org's figures of run `runId` (its stored org bands); with `ctx.memo`, read once per run. */
async function orgFigures(ctx: ForecastContext, runId: string): Promise<CapacityOrg> {
  const key = `capacity-org\n${runId}`;
  const known = ctx.memo?.remembered(key);
  if (known !== undefined) return JSON.parse(known) as CapacityOrg;
  const figures = orgPeakBurnout(await storedSeriesHead(ctx.db, runId));
  ctx.memo?.text(key, () => JSON.stringify(figures));
  return figures;
}

/** Team rows with their model-error lines. */
export const teamReportRows = (summary: Record<string, unknown>, rows: CapacityRow[]): TeamReportRow[] => {
  const errorOf = modelErrorText(summary);
  return rows.map((row) => ({ ...row, modelError: errorOf(row.teamId) }));
};

/**
 * The team-grain capacity report as JSON (as {@link capacityReport} gives it), as is and gzipped
 * with ETags. Its bytes depend on the head and the run alone, so with `ctx.memo` they are built
 * once per head: a repeated request costs the lookups of {@link reportSource}, not serialising
 * or compressing.
 */
export async function teamReportResponse(
  ctx: ForecastContext,
  org: ForecastOrg,
  request: ReportRequest,
): Promise<ResponseBytes> {
  const { head, summary, teamRows } = await reportSource(ctx, org, request);
  const figures = await orgFigures(ctx, head.runId);
  const text = () =>
    `${JSON.stringify({ ...head, grain: 'team', org: figures }).slice(0, -1)},"rows":${JSON.stringify(teamReportRows(summary, teamRows))}}`;
  return ctx.memo ? ctx.memo.response(`capacity-team\n${JSON.stringify(head)}`, text) : responseBytes(text());
}

/** The week rows of a stored run, one stored chunk of teams at a time. */
export async function* storedWeekRows(db: Db, runId: string): AsyncGenerator<CapacityWeekRow[]> {
  const head = await storedSeriesHead(db, runId);
  for await (const chunk of storedTeamChunks(db, runId)) yield weekRows(head, await parseTeamChunk(chunk));
}

const badCursor = () =>
  new ProblemError(400, 'Bad Request', 'The cursor is not one this report gave out.', [
    { path: 'cursor', message: 'unknown cursor' },
  ]);

/** The stored chunk a week-report cursor points at (0 without a cursor). */
const chunkOfCursor = (cursor: string | undefined): number => {
  if (cursor === undefined) return 0;
  const chunk = Number(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!Number.isInteger(chunk) || chunk < 1) throw badCursor();
  return chunk;
};

const cursorOfChunk = (chunk: number) => Buffer.from(String(chunk), 'utf8').toString('base64url');

/**
 * The capacity report of a scenario version over `horizon` weeks from its stored forecast: one
 * row per team, or with grain 'week' one row per team and week, a page (`cursor`) of up to 256
 * teams at a time.
 */
export async function capacityReport(
  ctx: ForecastContext,
  org: ForecastOrg,
  request: ReportRequest & { grain: 'team' | 'week'; cursor?: string | undefined },
): Promise<CapacityReport | WeekReport> {
  const chunk = request.grain === 'week' ? chunkOfCursor(request.cursor) : 0;
  const { head, summary, teamRows } = await reportSource(ctx, org, request);
  if (request.grain === 'team') {
    const figures = await orgFigures(ctx, head.runId);
    return { ...head, grain: 'team', org: figures, rows: teamReportRows(summary, teamRows) };
  }
  const stored = await storedTeamChunk(ctx.db, head.runId, chunk);
  if (!stored) {
    if (chunk > 0) throw badCursor();
    return { ...head, grain: 'week', rows: [], nextCursor: null };
  }
  const rows = weekRows(await storedSeriesHead(ctx.db, head.runId), await parseTeamChunk(stored));
  const more = chunk + 1 < (await storedChunkCount(ctx.db, head.runId));
  return { ...head, grain: 'week', rows, nextCursor: more ? cursorOfChunk(chunk + 1) : null };
}
