import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Calibration } from '../../../shared/contract/calibration';
import { ENGINE_VERSION } from '../../../shared/index';
import type { Db } from '../../db/client';
import { calibrations } from '../../db/schema';
import { notFound, ProblemError } from '../../errors';
import { loadIdentityMatcher } from '../../history/identity-match';
import { historySpan } from '../../history/span';
import { loadChanges } from '../../history/stored-changes';
import { placeChanges } from '../../history/weekly-series';
import { type Actor, recordAudit } from '../audit';
import { loadModel } from '../org-model';
import { type Backtest, defaultBacktestOptions, runBacktest } from './backtest';
import { fitHistory } from './fit';
import { teamHistory } from './team-history';

/** A calibration as the service makes it: with the fit's weeks and every origin's fan. */
export type CalibrationResult = Calibration & { fitWeeks: number; backtest: Backtest };

/**
 * Calibrates a team (by name; null: the whole org, every team's changes and headcount together)
 * from the org's imported history and today's roster, runs the 26-origin backtest and stores the
 * result, in weeks of the org's time zone, without the history's partial final week (named in the
 * provenance, see teamHistory). A team with no history gets an empty fit (everything left at the
 * defaults).
 * @throws ProblemError 404 naming `team` when the org has no team of that name.
 */
export async function calibrate(
  db: Db,
  org: { id: string; name: string; timeZone: string },
  team: string | null,
  actor: Actor,
  now = new Date(),
): Promise<CalibrationResult> {
  const model = await loadModel(db, org);
  const teamRow = team === null ? null : model.org.teams.find((t) => t.name === team);
  if (team !== null && !teamRow) {
    throw new ProblemError(404, 'Not Found', `No team named "${team}".`, [
      { path: 'team', message: 'no team of that name' },
    ]);
  }
  const headcount: Record<string, number> = {};
  for (const t of teamRow ? [teamRow] : model.org.teams) {
    for (const [level, count] of Object.entries(t.headcount))
      headcount[level] = (headcount[level] ?? 0) + count;
  }
  const placed = placeChanges(await loadChanges(db, org.id), await loadIdentityMatcher(db, org.id)).filter(
    (c) => team === null || c.team === team,
  );
  const history = teamHistory(placed, model.org.levels, headcount, org.timeZone);
  const fit = fitHistory(history, model.parameters);
  const backtest = runBacktest(history, model.parameters, defaultBacktestOptions);
  const span = historySpan(placed, org.timeZone);
  const result: CalibrationResult = {
    id: randomUUID(),
    team,
    fitted: fit.fitted,
    fitWeeks: fit.weeks,
    defaults: fit.defaults,
    backtest,
    actuals: history.weeks.map(({ authored, ...week }) => ({
      week: week.week,
      authored: Object.values(authored).reduce((a, b) => a + b, 0),
      aiAssisted: week.aiAssisted,
      signoffDemand: week.signoffDemand,
      signoffsCompleted: week.signoffsCompleted,
      open: week.open,
      medianHoursToSignoff: week.medianHoursToSignoff,
    })),
    provenance: {
      changes: placed.length,
      from: span.from,
      to: span.to,
      engineVersion: ENGINE_VERSION,
      createdAt: now.toISOString(),
      partialWeek: history.partialWeek ?? null,
    },
  };
  const { id, provenance, ...rest } = result;
  await db.transaction(async (tx) => {
    await tx
      .insert(calibrations)
      .values({ id, orgId: org.id, teamId: teamRow?.id ?? null, result: rest, provenance });
    await recordAudit(tx, actor, {
      orgId: org.id,
      action: 'create',
      entity: 'calibration',
      entityId: id,
      after: { team, provenance },
    });
  });
  return result;
}

/** The stored row of a calibration of the org. @throws ProblemError 404 when there is none with that id. */
export async function findCalibration(db: Db, orgId: string, id: string) {
  const row = await db
    .select()
    .from(calibrations)
    .where(and(eq(calibrations.orgId, orgId), eq(calibrations.id, id)))
    .get();
  if (!row) throw notFound('calibration');
  return row;
}

/** A stored calibration of the org. @throws ProblemError 404 when there is none with that id. */
export async function getCalibration(db: Db, orgId: string, id: string): Promise<CalibrationResult> {
  const row = await findCalibration(db, orgId, id);
  return {
    id: row.id,
    ...(row.result as Omit<CalibrationResult, 'id' | 'provenance'>),
    provenance: row.provenance as CalibrationResult['provenance'],
  };
}
