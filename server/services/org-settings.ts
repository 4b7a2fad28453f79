import { eq } from 'drizzle-orm';
import { applyParametersPatch, type Level, type ParametersPatch, parameterNames } from '../../shared/index';
import type { Db } from '../db/client';
import { orgSettings, teams } from '../db/schema';
import { ProblemError } from '../errors';
import { type Actor, recordAudit, type Tx } from './audit';
import { levelUsage } from './level-usage';
import { loadSettings } from './org-model';
import { setOrgTimeZone } from './org-time-zone';

/** A change of the org's settings: its time zone, the whole ladder, some parameter values (null = default). */
export interface SettingsChange {
  timeZone?: string | undefined;
  levels?: Level[] | undefined;
  parameters?: ParametersPatch | undefined;
}

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

/**
 * Stores a new ladder and/or parameter values with one audit row. Removing a level that roster
 * rows, team headcounts or scenario events still use is refused (409 naming `levels`). The write
 * raises the org's model revision (database triggers, migration 0003), so forecasts computed
 * before it are recomputed on their next request.
 */
async function saveModelSettings(tx: Tx, actor: Actor, orgId: string, change: SettingsChange): Promise<void> {
  const before = await loadSettings(tx, orgId);
  const levels = change.levels ?? before.levels;
  const next = new Set(levels.map((level) => level.id));
  const removed = new Set(before.levels.map((level) => level.id).filter((id) => !next.has(id)));
  const orphans = await levelUsage(tx, orgId, removed);
  if (orphans.length > 0) {
    throw new ProblemError(409, 'Conflict', 'The new ladder leaves out levels the org still uses.', orphans);
  }
  await dropRemovedLevels(tx, orgId, removed);
  const parameters = change.parameters
    ? applyParametersPatch(before.parameters, change.parameters)
    : before.parameters;
  await tx
    .insert(orgSettings)
    .values({ orgId, levels, parameters })
    .onConflictDoUpdate({ target: orgSettings.orgId, set: { levels, parameters } });
  const changed = parameterNames.filter((name) => parameters[name] !== before.parameters[name]);
  const pick = (values: typeof parameters) => Object.fromEntries(changed.map((name) => [name, values[name]]));
  await recordAudit(tx, actor, {
    orgId,
    action: 'update',
    entity: 'org-settings',
    entityId: orgId,
    before: { ...(change.levels ? { levels: before.levels } : {}), parameters: pick(before.parameters) },
    after: { ...(change.levels ? { levels } : {}), parameters: pick(parameters) },
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
    if (change.timeZone !== undefined) await setOrgTimeZone(tx, org, change.timeZone, actor);
    if (change.levels !== undefined || change.parameters !== undefined) {
      await saveModelSettings(tx, actor, org.id, change);
    }
  });
}
