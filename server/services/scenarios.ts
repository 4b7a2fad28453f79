import { randomUUID } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import {
  type Scenario,
  type ScenarioSummary,
  type ScenarioVersion,
  scenarioSchema,
} from '../../shared/index';
import type { Db } from '../db/client';
import { scenarios, scenarioVersions } from '../db/schema';
import { notFound } from '../errors';
import { type Actor, recordAudit, type Tx } from './audit';
import { afterTimeCursor, belowNumberCursor, type Page, timeKey, toPage } from './pagination';

export async function findScenario(db: Tx, orgId: string, id: string) {
  const row = await db
    .select()
    .from(scenarios)
    .where(and(eq(scenarios.id, id), eq(scenarios.orgId, orgId)))
    .get();
  if (!row) throw notFound('scenario');
  return row;
}

/** One version (latest when `version` is undefined) of one of the org's scenarios. */
export async function getVersion(
  db: Db,
  orgId: string,
  id: string,
  version?: number,
): Promise<ScenarioVersion> {
  const scenario = await findScenario(db, orgId, id);
  const n = version ?? scenario.latestVersion;
  const row = await db
    .select()
    .from(scenarioVersions)
    .where(and(eq(scenarioVersions.scenarioId, id), eq(scenarioVersions.version, n)))
    .get();
  if (!row) throw notFound('scenario version');
  return {
    id,
    version: row.version,
    planOfRecord: scenario.planOfRecord,
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdBy,
    scenario: row.body,
  };
}

/** Versions of a scenario, newest first, without bodies, a page at a time. */
export async function listVersions(db: Db, orgId: string, id: string, limit: number, cursor?: string) {
  await findScenario(db, orgId, id);
  const rows = await db
    .select({
      version: scenarioVersions.version,
      createdAt: scenarioVersions.createdAt,
      createdBy: scenarioVersions.createdBy,
    })
    .from(scenarioVersions)
    .where(and(eq(scenarioVersions.scenarioId, id), belowNumberCursor(cursor, scenarioVersions.version)))
    .orderBy(desc(scenarioVersions.version))
    .limit(limit + 1);
  return toPage(
    rows,
    limit,
    (r) => String(r.version),
    (r) => ({ ...r, createdAt: r.createdAt.toISOString() }),
  );
}

const summary = (row: typeof scenarios.$inferSelect): ScenarioSummary => ({
  id: row.id,
  name: row.name,
  latestVersion: row.latestVersion,
  planOfRecord: row.planOfRecord,
  updatedAt: row.updatedAt.toISOString(),
});

/** The org's scenarios, most recently saved first; the cursor encodes `updatedAt|id`. */
export async function listScenarios(
  db: Db,
  orgId: string,
  limit: number,
  cursor?: string,
): Promise<Page<ScenarioSummary>> {
  const after = afterTimeCursor(cursor, scenarios.updatedAt, scenarios.id);
  const rows = await db
    .select()
    .from(scenarios)
    .where(and(eq(scenarios.orgId, orgId), after))
    .orderBy(desc(scenarios.updatedAt), desc(scenarios.id))
    .limit(limit + 1);
  return toPage(rows, limit, (r) => timeKey({ id: r.id, at: r.updatedAt }), summary);
}

/**
 * Saves a scenario body as version 1 of a new scenario (`id` undefined) or as the next version
 * of an existing one; versions are never changed afterwards.
 */
export async function saveScenario(
  db: Db,
  target: { orgId: string; id?: string | undefined; planOfRecord?: boolean },
  body: Scenario,
  actor: Actor,
  now: Date,
): Promise<ScenarioVersion> {
  const id = await db.transaction((tx) => writeVersion(tx, target, body, actor, now));
  return getVersion(db, target.orgId, id);
}

/**
 * {@link saveScenario}'s writes inside the caller's transaction `tx` (scenario row, version row,
 * audit row); returns the scenario id.
 */
export async function writeVersion(
  tx: Tx,
  target: { orgId: string; id?: string | undefined; planOfRecord?: boolean },
  body: Scenario,
  actor: Actor,
  now: Date,
): Promise<string> {
  const scenario = scenarioSchema.parse(body);
  const existing = target.id ? await findScenario(tx, target.orgId, target.id) : undefined;
  const scenarioId = existing?.id ?? randomUUID();
  const version = (existing?.latestVersion ?? 0) + 1;
  if (existing) {
    await tx
      .update(scenarios)
      .set({ name: scenario.name, latestVersion: version, updatedAt: now })
      .where(eq(scenarios.id, scenarioId));
  } else {
    await tx.insert(scenarios).values({
      id: scenarioId,
      orgId: target.orgId,
      name: scenario.name,
      latestVersion: version,
      planOfRecord: target.planOfRecord ?? false,
      updatedAt: now,
    });
  }
  const createdBy = actor.label;
  await tx
    .insert(scenarioVersions)
    .values({ id: randomUUID(), scenarioId, version, body: scenario, createdBy, createdAt: now });
  await recordAudit(tx, actor, {
    orgId: target.orgId,
    action: existing ? 'save-version' : 'create',
    entity: 'scenario',
    entityId: scenarioId,
    after: { version, scenario },
  });
  return scenarioId;
}

/** Makes this scenario the org's plan of record (the one alerts and default reports use). */
export async function markPlanOfRecord(
  db: Db,
  orgId: string,
  id: string,
  actor: Actor,
): Promise<ScenarioSummary> {
  return db.transaction(async (tx) => {
    const target = await findScenario(tx, orgId, id);
    const previous = await tx
      .select({ id: scenarios.id })
      .from(scenarios)
      .where(and(eq(scenarios.orgId, orgId), eq(scenarios.planOfRecord, true)))
      .get();
    await tx
      .update(scenarios)
      .set({ planOfRecord: false })
      .where(and(eq(scenarios.orgId, orgId), eq(scenarios.planOfRecord, true)));
    await tx.update(scenarios).set({ planOfRecord: true }).where(eq(scenarios.id, id));
    await recordAudit(tx, actor, {
      orgId,
      action: 'plan-of-record',
      entity: 'scenario',
      entityId: id,
      before: { planOfRecord: previous?.id ?? null },
      after: { planOfRecord: id },
    });
    return summary({ ...target, planOfRecord: true });
  });
}

/** The org's plan of record, if any. */
export async function planOfRecordId(db: Db, orgId: string): Promise<string | undefined> {
  const row = await db
    .select({ id: scenarios.id })
    .from(scenarios)
    .where(and(eq(scenarios.orgId, orgId), eq(scenarios.planOfRecord, true)))
    .get();
  return row?.id;
}
