import { asc, eq } from 'drizzle-orm';
import { defaultLevels, defaultParameters, type Level, type Parameters } from '../../shared/index';
import type { Db } from '../db/client';
import { orgSettings, teams } from '../db/schema';
import type { Tx } from './audit';

/** The org's level ladder and parameter set; the engine defaults until the org stores its own. */
export async function loadSettings(
  db: Tx,
  orgId: string,
): Promise<{ levels: Level[]; parameters: Parameters }> {
  const row = await db.select().from(orgSettings).where(eq(orgSettings.orgId, orgId)).get();
  return {
    levels: row?.levels ?? defaultLevels.map((level) => ({ ...level })),
    parameters: row?.parameters ?? defaultParameters,
  };
}

/**
 * The org as the engine takes it (`forecastInputSchema`'s `org` and `parameters`): teams by
 * name with headcount per level, team ids being the database ids events refer to.
 */
export async function loadModel(db: Db, org: { id: string; name: string }) {
  const settings = await loadSettings(db, org.id);
  const rows = await db
    .select({ id: teams.id, name: teams.name, headcount: teams.headcount })
    .from(teams)
    .where(eq(teams.orgId, org.id))
    .orderBy(asc(teams.name));
  return {
    org: { name: org.name, levels: settings.levels, teams: rows },
    parameters: settings.parameters,
  };
}

export type OrgModel = Awaited<ReturnType<typeof loadModel>>;
