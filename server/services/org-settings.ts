import { isDeepStrictEqual } from 'node:util';
import { eq } from 'drizzle-orm';
import {
  applyParametersPatch,
  applyRangesPatch,
  type OrgPatch,
  type Parameters,
  parameterNames,
  sameRange,
} from '../../shared/index';
import type { Db } from '../db/client';
import { orgSettings, teams } from '../db/schema';
import { ProblemError } from '../errors';
import { type Actor, recordAudit, type Tx } from './audit';
import { levelUsage } from './level-usage';
import { loadSettings } from './org-model';
import { setOrgTimeZone } from './org-time-zone';

/** A change of the org's settings: its time zone, the whole ladder, some parameter values and ranges (null = default). */
export type SettingsChange = OrgPatch;

/** Drops zero headcounts of levels that left the ladder, so no team names an unknown level. */
async function dropRemovedLevels(tx: Tx, orgId: string, removed: ReadonlySet<string>): Promise<void> {
  const rows = await tx
    .select({ id: teams.id, headcount: teams.headcount })
    .from(teams)
    .where(eq(teams.orgId, orgId));
  for (const row of rows) {
    if (!Object.keys(row.headcount).some((level) => removed.has(level))) continue;
    const headcount = Object.fromEntries(
      Object.entries(row.headcount).filter(([level]) => !removed.has(level)),
    );
    await tx.update(teams).set({ headcount }).where(eq(teams.id, row.id));
  }
}

/** The parameters after `change`: values first, then ranges around the new values; 422 names a bad range. */
function nextParameters(before: Parameters, change: SettingsChange): Parameters {
  const values = change.parameters ? applyParametersPatch(before, change.parameters) : before;
  if (!change.ranges) return values;
  const { parameters, issues } = applyRangesPatch(values, change.ranges);
  if (issues.length > 0) {
    const errors = issues.map((issue) => ({ ...issue, path: `ranges.${issue.path}` }));
    throw new ProblemError(422, 'Unprocessable Content', 'A range must hold the value.', errors);
  }
  return parameters;
}

/** The audit's before and after of the parameter values and ranges that `change` changed. */
function changedParameters(before: Parameters, after: Parameters) {
  const values = parameterNames.filter((name) => after[name] !== before[name]);
  const ranged = parameterNames.filter(
    (name) => !sameRange(before.uncertainty[name], after.uncertainty[name]),
  );
  const pick = (from: Parameters) => ({
    parameters: Object.fromEntries(values.map((name) => [name, from[name]])),
    ...(ranged.length > 0
      ? { uncertainty: Object.fromEntries(ranged.map((name) => [name, from.uncertainty[name] ?? null])) }
      : {}),
  });
  return { before: pick(before), after: pick(after) };
}

/**
 * Stores a new ladder and/or parameter values and ranges with one audit row. Removing a level that
 * roster rows, team headcounts or scenario events still use is refused (409 naming `levels`). The
 * write raises the org's model revision (database triggers, migration 0003), so forecasts computed
 * before it are recomputed on their next request; a change that changes nothing writes nothing.
 */
async function saveModelSettings(tx: Tx, actor: Actor, orgId: string, change: SettingsChange): Promise<void> {
  const before = await loadSettings(tx, orgId);
  const levels = change.levels ?? before.levels;
  const parameters = nextParameters(before.parameters, change);
  if (isDeepStrictEqual(levels, before.levels) && isDeepStrictEqual(parameters, before.parameters)) return;
  const next = new Set(levels.map((level) => level.id));
  const removed = new Set(before.levels.map((level) => level.id).filter((id) => !next.has(id)));
  const orphans = await levelUsage(tx, orgId, removed);
  if (orphans.length > 0) {
    throw new ProblemError(409, 'Conflict', 'The new ladder leaves out levels the org still uses.', orphans);
  }
  await dropRemovedLevels(tx, orgId, removed);
  await tx
    .insert(orgSettings)
    .values({ orgId, levels, parameters })
    .onConflictDoUpdate({ target: orgSettings.orgId, set: { levels, parameters } });
  const audited = changedParameters(before.parameters, parameters);
  const ladderChanged = !isDeepStrictEqual(levels, before.levels);
  await recordAudit(tx, actor, {
    orgId,
    action: 'update',
    entity: 'org-settings',
    entityId: orgId,
    before: { ...(ladderChanged ? { levels: before.levels } : {}), ...audited.before },
    after: { ...(ladderChanged ? { levels } : {}), ...audited.after },
  });
}

/** Applies `change` (time zone, ladder, parameters) in one transaction: all of it or none. */
export async function updateOrgSettings(
  db: Db,
  actor: Actor,
  org: { id: string; timeZone: string },
  change: SettingsChange,
): Promise<void> {
  await db.transaction(async (tx) => {
    if (change.timeZone !== undefined && change.timeZone !== org.timeZone) {
      await setOrgTimeZone(tx, org, change.timeZone, actor);
    }
    if (change.levels !== undefined || change.parameters !== undefined || change.ranges !== undefined) {
      await saveModelSettings(tx, actor, org.id, change);
    }
  });
}
