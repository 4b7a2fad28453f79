import type { DashboardView } from '../../shared/contract/dashboard-view';
import { rowOfAnswer, storedReviewersNeeded } from '../../shared/contract/dashboard-view';
import { byFirstBreach, type TeamFirstBreach, tallyOfSorted } from '../../shared/contract/team-tally';
import type { ForecastSummary } from '../../shared/index';
import type { Db } from '../db/client';
import { type BurnoutTeam, burnoutGroups } from './burnout-groups';
import { type ReportRequest, reportSource } from './capacity-report';
import type { ForecastContext, ForecastOrg } from './forecasts';
import { type ResponseBytes, responseBytes } from './response-bytes';
import { storedSeriesHead, storedTeamDigests } from './stored-runs';

/**
 * What the Dashboard shows of a stored run's teams: their tally and the grouped burnout heat map,
 * read from the teams' stored digests one chunk at a time (storedTeamDigests: a 10,000-team run's
 * bands are never parsed, nor in memory whole; only each team's first breach, peak and P50
 * burnout series are kept).
 */
export async function dashboardTeams(
  db: Db,
  runId: string,
  groups: number,
): Promise<Pick<DashboardView, 'teams' | 'burnoutGroups'>> {
  const firsts: TeamFirstBreach[] = [];
  const ranked: BurnoutTeam[] = [];
  for await (const digests of storedTeamDigests(db, runId)) {
    for (const { p50, ...first } of digests) {
      firsts.push(first);
      ranked.push({ name: first.name, peak: first.peakBurnout, p50 });
    }
  }
  const tally = tallyOfSorted(firsts.sort(byFirstBreach));
  const breach = tally.firstBreach;
  const weeks = ranked[0]?.p50.length ?? 0;
  return {
    teams: {
      teamCount: tally.teamCount,
      teamsAtRisk: tally.teamsAtRisk,
      firstBreach: breach && { week: breach.week, date: breach.date, metric: breach.metric },
    },
    burnoutGroups: burnoutGroups(ranked, groups, weeks),
  };
}

/**
 * GET /orgs/{org}/reports/dashboard as response bytes: the stored run a report of `request` reads
 * (default scenario: the plan of record), without its teams, with the teams' tally, the burnout
 * heat map cut into at most `groups` rows and the per-team answers as table rows. Built once per
 * run and `groups` with `ctx.memo` (runs never change once stored).
 */
export async function dashboardResponse(
  ctx: ForecastContext,
  org: ForecastOrg,
  request: ReportRequest & { groups: number },
): Promise<ResponseBytes> {
  const { head, summary } = await reportSource(ctx, org, request);
  const text = async () => {
    const stored = summary as ForecastSummary;
    const view: DashboardView = {
      ...head,
      forecast: await storedSeriesHead(ctx.db, head.runId),
      ...(await dashboardTeams(ctx.db, head.runId, request.groups)),
      reviewersNeeded: storedReviewersNeeded(stored),
      answers: (stored.teams ?? []).map(rowOfAnswer),
    };
    return JSON.stringify(view);
  };
  const key = `dashboard\n${JSON.stringify(head)}\n${request.groups}`;
  return ctx.memo ? ctx.memo.response(key, text) : responseBytes(await text());
}
