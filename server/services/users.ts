import { randomUUID } from 'node:crypto';
import { and, asc, eq, gt, isNull } from 'drizzle-orm';
import type { Member } from '../../shared/contract/people';
import { hashPassword } from '../auth/passwords';
import type { Db } from '../db/client';
import { memberships, orgs, type Role, users } from '../db/schema';
import { notFound, ProblemError } from '../errors';
import { type Actor, recordAudit, type Tx } from './audit';
import { decodeCursor, type Page, toPage } from './pagination';

/** A member of an org as the users API shows it. */
/** A change to a member: display name, role, or active (deactivate / reactivate). */
export interface MemberPatch {
  name?: string | undefined;
  role?: Role | undefined;
  active?: boolean | undefined;
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
    .where(and(eq(memberships.userId, userId), isNull(memberships.deactivatedAt)))
    .orderBy(asc(orgs.slug));
  return { user, memberships: rows.map(({ role, ...org }) => ({ org, role })) };
}

const memberColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: memberships.role,
  deactivatedAt: memberships.deactivatedAt,
};

const memberView = ({ deactivatedAt, ...row }: { deactivatedAt: Date | null } & Omit<Member, 'active'>) => ({
  ...row,
  active: deactivatedAt === null,
});

/** The member `userId` of the org, active or not; undefined when not a member. */
export const findMember = async (tx: Tx, orgId: string, userId: string): Promise<Member | undefined> => {
  const row = await tx
    .select(memberColumns)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)))
    .get();
  return row && memberView(row);
};

/** Members of an org by email, a page at a time. */
export async function listMembers(
  db: Db,
  orgId: string,
  limit: number,
  cursor?: string,
): Promise<Page<Member>> {
  const after = decodeCursor(cursor);
  const rows = await db
    .select(memberColumns)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.orgId, orgId), after === undefined ? undefined : gt(users.email, after)))
    .orderBy(asc(users.email))
    .limit(limit + 1);
  return toPage(rows, limit, (r) => r.email, memberView);
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
): Promise<Member> {
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
    const after = { id: userId, email, name: user!.name, role: input.role, active: true };
    await recordAudit(tx, actor, { orgId, action: 'create', entity: 'membership', entityId: userId, after });
    return after;
  });
}

/** 409 naming `field` when `member` is the org's last active admin. */
async function assertNotLastAdmin(tx: Tx, orgId: string, member: Member, field: string): Promise<void> {
  if (member.role !== 'admin' || !member.active) return;
  const admins = await tx.$count(
    memberships,
    and(eq(memberships.orgId, orgId), eq(memberships.role, 'admin'), isNull(memberships.deactivatedAt)),
  );
  if (admins <= 1) {
    throw new ProblemError(409, 'Conflict', 'The org must keep at least one active admin.', [
      { path: field, message: `${member.email} is the last active admin` },
    ]);
  }
}

/** Changes a member's role, display name or active state; the last active admin keeps both. */
export async function updateMember(
  db: Db,
  orgId: string,
  userId: string,
  patch: MemberPatch,
  actor: Actor,
  now: Date,
): Promise<Member> {
  return db.transaction(async (tx) => {
    const before = await findMember(tx, orgId, userId);
    if (!before) throw notFound('user');
    if (patch.role && patch.role !== 'admin') await assertNotLastAdmin(tx, orgId, before, 'role');
    if (patch.active === false) await assertNotLastAdmin(tx, orgId, before, 'active');
    const membership: { role?: Role; deactivatedAt?: Date | null } = {};
    if (patch.role) membership.role = patch.role;
    if (patch.active !== undefined && patch.active !== before.active) {
      membership.deactivatedAt = patch.active ? null : now;
    }
    if (Object.keys(membership).length > 0) {
      await tx
        .update(memberships)
        .set(membership)
        .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)));
    }
    if (patch.name) await tx.update(users).set({ name: patch.name }).where(eq(users.id, userId));
    const after: Member = {
      ...before,
      ...(patch.role ? { role: patch.role } : {}),
      ...(patch.name ? { name: patch.name } : {}),
      ...(patch.active !== undefined ? { active: patch.active } : {}),
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
    await assertNotLastAdmin(tx, orgId, before, 'id');
    await tx.delete(memberships).where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)));
    await recordAudit(tx, actor, { orgId, action: 'delete', entity: 'membership', entityId: userId, before });
  });
}
