import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { engineers, orgs, teams } from '../db/schema';
import { buildDemoOrg } from './demo-org';

export const demoOrgSlug = 'demo';
const batchSize = 500;

/**
 * Creates the demo org with its teams and roster in one transaction, unless it already exists.
 * Returns whether it seeded, so a second start on the same database does nothing.
 */
export async function seedDemoOrg(db: Db): Promise<boolean> {
  const existing = await db.select({ id: orgs.id }).from(orgs).where(eq(orgs.slug, demoOrgSlug)).get();
  if (existing) return false;
  const orgId = randomUUID();
  const demo = buildDemoOrg();
  await db.transaction(async (tx) => {
    await tx.insert(orgs).values({ id: orgId, slug: demoOrgSlug, name: 'Demo Retail Engineering' });
    const rows: (typeof engineers.$inferInsert)[] = [];
    for (const team of demo) {
      const teamId = randomUUID();
      await tx.insert(teams).values({ id: teamId, orgId, name: team.name, headcount: team.headcount });
      for (const e of team.engineers) rows.push({ id: randomUUID(), orgId, teamId, ...e });
    }
    for (let i = 0; i < rows.length; i += batchSize) {
      await tx.insert(engineers).values(rows.slice(i, i + batchSize));
    }
  });
  return true;
}
