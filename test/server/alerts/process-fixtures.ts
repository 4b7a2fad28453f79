import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { orgs, teams, users } from '../../../server/db/schema';
import { seedDemoOrg } from '../../../server/seed/seed';
import { systemActor } from '../../../server/services/audit';
import { planOfRecordId, saveScenario } from '../../../server/services/scenarios';
import { createTempDb, type TempDatabase } from '../../helpers/temp-db';

/**
 * A migrated temporary database with the demo org and its plan of record (one without events
 * when the seed made none) and a stub
 * web build folder, ready for real server processes (`env` to pass them).
 */
export async function planOfRecordDatabase() {
  const database: TempDatabase = await createTempDb();
  await seedDemoOrg(database.db);
  const org = await database.db.select().from(orgs).where(eq(orgs.slug, 'demo')).get();
  const team = await database.db
    .select()
    .from(teams)
    .where(eq(teams.orgId, org?.id ?? ''))
    .get();
  if (!org || !team) throw new Error('demo org not seeded');
  if (!(await planOfRecordId(database.db, org.id))) {
    await saveScenario(
      database.db,
      { orgId: org.id, planOfRecord: true },
      { name: 'Plan', events: [] },
      systemActor,
      new Date(),
    );
  }
  // A user up front: servers then skip the first-admin bootstrap, so two may start at once.
  await database.db
    .insert(users)
    .values({ id: 'u1', email: 'ops@example.test', name: 'Ops', passwordHash: 'scrypt$unused' });
  const web = mkdtempSync(join(tmpdir(), 'reviewload-web-'));
  mkdirSync(web, { recursive: true });
  writeFileSync(join(web, 'index.html'), '<!doctype html><title>stub</title>');
  return {
    database,
    orgId: org.id,
    teamId: team.id,
    env: { DATABASE_URL: database.url, WEB_DIST: web },
    cleanup: () => {
      database.cleanup();
      rmSync(web, { recursive: true, force: true });
    },
  };
}

/** Polls `check` every 50 ms until it returns true; throws `what` after `timeoutMs`. */
export async function until(what: string, check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
