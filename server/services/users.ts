import { randomUUID } from 'node:crypto';
import { and, asc, eq, gt } from 'drizzle-orm';
import { hashPassword } from '../auth/passwords';
import type { Db } from '../db/client';
import { memberships, orgs, type Role, users } from '../db/schema';
import { notFound, ProblemError } from '../errors';
import { type Actor, recordAudit, type Tx } from './audit';
import { decodeCursor, type Page, toPage } from './pagination';

/** A member of an org as the users API shows it. */
export interface MemberView {
  id: string;
  email: string;
  name: string;
  role: Role;
}

/** The signed-in user and every org they belong to (`Me` in the API contract). */
export async function loadMe(db: Db, userId: string) {
  const user = await db
    .select({ id: users.id, email: users.email, name: users.name })
    .from(users)
    .where(eq(users.id, userId))
    .get();
  if (!user) return undefined;
  const rows = await db
    .select({ slug: orgs.slug, name: orgs.name, timeZone: orgs.timeZone, role: memberships.role })
    .from(memberships)
    .innerJoin(orgs, eq(orgs.id, memberships.orgId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(orgs.slug));
  return { user, memberships: rows.map(({ role, ...org }) => ({ org, role })) };
}

const memberColumns = { id: users.id, email: users.email, name: users.name, role: memberships.role };

const findMember = (tx: Tx, orgId: string, userId: string) =>
  tx
    .select(memberColumns)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)))
    .get();

/** Members of an org by email, a page at a time. */
export async function listMembers(
  db: Db,
  orgId: string,
  limit: number,
  cursor?: string,
): Promise<Page<MemberView>> {
  const after = decodeCursor(cursor);
  const rows = await db
    .select(memberColumns)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.orgId, orgId), after === undefined ? undefined : gt(users.email, after)))
    .orderBy(asc(users.email))
    .limit(limit + 1);
  return toPage(
    rows,
    limit,
    (r) => r.email,
    (r) => r,
  );
}

/**
 * Adds a user to the org: creates the account when the email is new (the password is then
 * required), or adds the existing account; 409 when already a member.
 */
export async function addMember(
  db: Db,
  orgId: string,
  input: { email: string; name: string; password?: string | undefined; role: Role },
  actor: Actor,
): Promise<MemberView> {
  const email = input.email.toLowerCase();
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  return db.transaction(async (tx) => {
    let user = await tx.select().from(users).where(eq(users.email, email)).get();
    if (!user) {
      if (!passwordHash) {
        throw new ProblemError(422, 'Unprocessable Content', 'A new user needs a password.', [
          { path: 'password', message: 'required for a new user' },
        ]);
      }
      [user] = await tx
        .insert(users)
        .values({ id: randomUUID(), email, name: input.name, passwordHash })
        .returning();
    }
    const userId = user!.id;
    if (await findMember(tx, orgId, userId)) {
      throw new ProblemError(409, 'Conflict', `${email} is already a member of this org.`);
    }
    await tx.insert(memberships).values({ userId, orgId, role: input.role });
    const after = { id: userId, email, name: user!.name, role: input.role };
    await recordAudit(tx, actor, { orgId, action: 'create', entity: 'membership', entityId: userId, after });
    return after;
  });
}

async function assertNotLastAdmin(tx: Tx, orgId: string, member: MemberView): Promise<void> {
  if (member.role !== 'admin') return;
  const admins = await tx.$count(
    memberships,
    and(eq(memberships.orgId, orgId), eq(memberships.role, 'admin')),
  );
  if (admins <= 1) throw new ProblemError(409, 'Conflict', 'The org must keep at least one admin.');
}

/** Changes a member's role or display name. */
export async function updateMember(
  db: Db,
  orgId: string,
  userId: string,
  patch: { name?: string | undefined; role?: Role | undefined },
  actor: Actor,
): Promise<MemberView> {
  return db.transaction(async (tx) => {
    const before = await findMember(tx, orgId, userId);
    if (!before) throw notFound('user');
    if (patch.role && patch.role !== 'admin') await assertNotLastAdmin(tx, orgId, before);
    if (patch.role) {
      await tx
        .update(memberships)
        .set({ role: patch.role })
        .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)));
    }
    if (patch.name) await tx.update(users).set({ name: patch.name }).where(eq(users.id, userId));
    const after = {
      ...before,
      ...(patch.role ? { role: patch.role } : {}),
      ...(patch.name ? { name: patch.name } : {}),
    };
    await recordAudit(tx, actor, {
      orgId,
      action: 'update',
      entity: 'membership',
      entityId: userId,
      before,
      after,
    });
    return after;
  });
}

/** Removes a user from the org (the account stays for their other orgs). */
export async function removeMember(db: Db, orgId: string, userId: string, actor: Actor): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await findMember(tx, orgId, userId);
    if (!before) throw notFound('user');
    await assertNotLastAdmin(tx, orgId, before);
    await tx.delete(memberships).where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)));
    await recordAudit(tx, actor, { orgId, action: 'delete', entity: 'membership', entityId: userId, before });
  });
}
