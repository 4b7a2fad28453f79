import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { defaultLevels, defaultParameters } from '../../shared/index';
import type { Db } from '../db/client';
import { engineers, orgSettings, orgs, scenarios, scenarioVersions, teams } from '../db/schema';
import { recordAudit, systemActor, type Tx } from '../services/audit';
import { buildDemoOrg } from './demo-org';
import { baseline, seedStory } from './demo-scenarios';

export const demoOrgSlug = 'demo';
const batchSize = 500;

async function insertScenario(
  tx: Tx,
  orgId: string,
  body: typeof baseline,
  planOfRecord: boolean,
  now: Date,
) {
  const id = randomUUID();
  await tx
    .insert(scenarios)
    .values({ id, orgId, name: body.name, latestVersion: 1, planOfRecord, updatedAt: now });
  await tx
    .insert(scenarioVersions)
    .values({ id: randomUUID(), scenarioId: id, version: 1, body, createdBy: 'system', createdAt: now });
}

/**
 * Creates the demo org with its teams, roster, default level ladder and parameters, and two
 * scenarios (the seed story as plan of record, and a baseline) in one transaction, unless it
 * already exists. Returns whether it seeded, so a second start on the same database does nothing.
 * The check runs inside the write transaction, so processes starting together seed once.
 */
export async function seedDemoOrg(db: Db, now = new Date()): Promise<boolean> {
  const orgId = randomUUID();
  const demo = buildDemoOrg();
  return db.transaction(async (tx) => {
    const existing = await tx.select({ id: orgs.id }).from(orgs).where(eq(orgs.slug, demoOrgSlug)).get();
    if (existing) return false;
    await tx.insert(orgs).values({ id: orgId, slug: demoOrgSlug, name: 'Demo Retail Engineering' });
    await tx.insert(orgSettings).values({ orgId, levels: [...defaultLevels], parameters: defaultParameters });
    const rows: (typeof engineers.$inferInsert)[] = [];
    for (const team of demo) {
      const teamId = randomUUID();
      await tx.insert(teams).values({ id: teamId, orgId, name: team.name, headcount: team.headcount });
      for (const e of team.engineers) rows.push({ id: randomUUID(), orgId, teamId, ...e });
    }
    for (let i = 0; i < rows.length; i += batchSize) {
      await tx.insert(engineers).values(rows.slice(i, i + batchSize));
    }
    const story = seedStory(now);
    await insertScenario(tx, orgId, story, true, now);
    await insertScenario(tx, orgId, baseline, false, now);
    const after = { teams: demo.length, engineers: rows.length, scenarios: [story.name, baseline.name] };
    await recordAudit(tx, systemActor, { orgId, action: 'seed', entity: 'org', entityId: orgId, after });
    return true;
  });
}
