import { and, eq } from 'drizzle-orm';
import type { ScenarioVersion } from '../../../shared/index';
import type { Db } from '../../db/client';
import { scenarioVersions } from '../../db/schema';
import { ProblemError } from '../../errors';
import { type Actor, recordAudit } from '../audit';
import { findScenario, getVersion, writeVersion } from '../scenarios';
import { type CalibrationResult, findCalibration } from './calibrate';
import { calibrationChangeRateRanges, calibrationChangeRates, calibrationOverrides } from './fit';

/** What accepting names: the scenario, and optionally the version the planner last saw. */
export interface AcceptRequest {
  scenario: string;
  version?: number | undefined;
}

const unprocessable = (path: string, message: string, detail: string) =>
  new ProblemError(422, 'Unprocessable Content', detail, [{ path, message }]);

/**
 * Accepts a team's stored calibration into a scenario: the scenario's next version is its latest
 * one with `teamParameters[team]` set to the calibration's engine override and change rates per
 * level with their ranges (naming the calibration), written with its audit rows in one transaction.
 * @throws ProblemError 404 for an unknown calibration; 422 naming `scenario` for an unknown
 *   scenario and `id` for an org-wide calibration (no team to set) or one whose team is gone;
 *   409 naming `version` when the scenario has moved past the version the planner saw.
 */
export async function acceptCalibration(
  db: Db,
  orgId: string,
  id: string,
  request: AcceptRequest,
  actor: Actor,
  now: Date,
): Promise<ScenarioVersion> {
  const row = await findCalibration(db, orgId, id);
  const result = row.result as Omit<CalibrationResult, 'id' | 'provenance'>;
  if (row.teamId === null) {
    const why = result.team === null ? 'an org-wide calibration has no team to set' : 'its team was deleted';
    throw unprocessable('id', why, 'Only a calibration of an existing team can be accepted.');
  }
  const teamId = row.teamId;
  const scenarioId = await db.transaction(async (tx) => {
    const scenario = await findScenario(tx, orgId, request.scenario).catch(() => {
      throw unprocessable('scenario', 'no scenario with this id', 'No such scenario in this org.');
    });
    if (request.version !== undefined && request.version !== scenario.latestVersion) {
      throw new ProblemError(
        409,
        'Conflict',
        `The scenario is at version ${scenario.latestVersion}, not ${request.version}.`,
        [{ path: 'version', message: `the latest version is ${scenario.latestVersion}` }],
      );
    }
    const latest = (await tx
      .select({ body: scenarioVersions.body })
      .from(scenarioVersions)
      .where(
        and(
          eq(scenarioVersions.scenarioId, scenario.id),
          eq(scenarioVersions.version, scenario.latestVersion),
        ),
      )
      .get())!;
    const body = {
      ...latest.body,
      teamParameters: {
        ...latest.body.teamParameters,
        [teamId]: {
          parameters: calibrationOverrides(result.fitted),
          changesPerWeek: calibrationChangeRates(result.fitted),
          changesPerWeekRanges: calibrationChangeRateRanges(result.fitted),
          calibrationId: id,
        },
      },
    };
    await writeVersion(tx, { orgId, id: scenario.id }, body, actor, now);
    await recordAudit(tx, actor, {
      orgId,
      action: 'accept',
      entity: 'calibration',
      entityId: id,
      after: { scenarioId: scenario.id, version: scenario.latestVersion + 1, teamId },
    });
    return scenario.id;
  });
  return getVersion(db, orgId, scenarioId);
}
