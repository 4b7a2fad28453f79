import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { hashPassword } from '../auth/passwords';
import { randomSecret } from '../auth/secrets';
import type { Config } from '../config';
import type { Db } from '../db/client';
import { memberships, orgs, users } from '../db/schema';
import { recordAudit, systemActor } from '../services/audit';
import { demoOrgSlug } from './seed';

/** Email of the first admin when ADMIN_EMAIL is not set. */
export const defaultAdminEmail = 'admin@reviewload.local';

/**
 * On a database without users, creates the first admin (of the demo org) from ADMIN_EMAIL and
 * ADMIN_PASSWORD, or with a generated password. Returns what to print once: the generated
 * password line, a note that the configured one was used, or nothing when users already exist.
 * The check is repeated inside the write transaction, so processes starting together create one admin.
 */
export async function ensureAdminUser(db: Db, config: Config): Promise<string | undefined> {
  if ((await db.$count(users)) > 0) return undefined;
  const email = (config.adminEmail ?? defaultAdminEmail).toLowerCase();
  const password = config.adminPassword ?? randomSecret(15);
  const userId = randomUUID();
  const passwordHash = await hashPassword(password);
  const created = await db.transaction(async (tx) => {
    if ((await tx.$count(users)) > 0) return false;
    const org = await tx.select({ id: orgs.id }).from(orgs).where(eq(orgs.slug, demoOrgSlug)).get();
    if (!org) return false;
    await tx.insert(users).values({ id: userId, email, name: 'Administrator', passwordHash });
    await tx.insert(memberships).values({ userId, orgId: org.id, role: 'admin' });
    const after = { id: userId, email, role: 'admin' };
    await recordAudit(tx, systemActor, {
      orgId: org.id,
      action: 'create',
      entity: 'membership',
      entityId: userId,
      after,
    });
    return true;
  });
  if (!created) return undefined;
  return config.adminPassword
    ? `Created admin user ${email} (password from ADMIN_PASSWORD).`
    : `Created admin user ${email} with password ${password} (shown once; change it or set ADMIN_PASSWORD).`;
}
