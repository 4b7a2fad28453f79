import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { orgs, teams, users } from '../../../server/db/schema';
import { demoOrgSlug } from '../../../server/seed/seed';
import { systemActor } from '../../../server/services/audit';
import { saveScenario } from '../../../server/services/scenarios';
import { createTempDb } from '../../helpers/temp-db';

/**
 * A migrated temporary database for real server processes: a one-team org under the demo slug
 * (so start-up skips the 40-team seed and forecasts stay small), its plan of record without
 * events, a user (so start-up skips the first-admin bootstrap and two servers may start at once)
 * and a stub web build; `env` to pass the servers.
 */
export async function planOfRecordDatabase() {
  const database = await createTempDb();
  const orgId = randomUUID();
  const teamId = randomUUID();
  await database.db.insert(orgs).values({ id: orgId, slug: demoOrgSlug, name: 'Small org' });
  await database.db.insert(teams).values({
    id: teamId,
    orgId,
    name: 'Checkout',
    headcount: { junior: 3, mid: 4, senior: 2, principal: 0 },
  });
  await database.db
    .insert(users)
    .values({ id: randomUUID(), email: 'ops@example.test', name: 'Ops', passwordHash: 'scrypt$unused' });
  await saveScenario(
    database.db,
    { orgId, planOfRecord: true },
    { name: 'Plan', events: [] },
    systemActor,
    new Date(),
  );
  const web = mkdtempSync(join(tmpdir(), 'reviewload-web-'));
  writeFileSync(join(web, 'index.html'), '<!doctype html><title>stub</title>');
  return {
    database,
    orgId,
    teamId,
    env: { DATABASE_URL: database.url, WEB_DIST: web },
    cleanup: () => {
      database.cleanup();
      rmSync(web, { recursive: true, force: true });
    },
  };
}

/** Polls `check` every 50 ms until it returns true; throws `what` after `timeoutMs`. */
export async function until(what: string, check: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
