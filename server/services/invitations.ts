import { randomUUID } from 'node:crypto';
import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import type { Invitation } from '../../shared/contract/people';
import { hashPassword, unusablePasswordHash, verifyPassword } from '../auth/passwords';
import { randomSecret, sha256 } from '../auth/secrets';
import type { Db } from '../db/client';
import { invitations, memberships, orgs, type Role, users } from '../db/schema';
import { notFound, ProblemError } from '../errors';
import { type Actor, recordAudit } from './audit';
import { afterTimeCursor, type Page, timeKey, toPage } from './pagination';
import { findMember } from './users';

const hourMs = 60 * 60 * 1000;

/** An invitation as admins see it (never its secret once created). */
const view = (row: typeof invitations.$inferSelect): Invitation => ({
  id: row.id,
  email: row.email,
  role: row.role,
  createdAt: row.createdAt.toISOString(),
  expiresAt: row.expiresAt.toISOString(),
});

/** Path of the browser page that accepts an invitation. */
export const acceptPath = (secret: string) => `/invite/${secret}`;

/**
 * Invites `email` to the org with `role`: a one-use link valid for `expiresInHours`. The link is
 * returned once; the database keeps the secret's hash. 409 when the email is already a member.
 */
export async function createInvitation(
  db: Db,
  orgId: string,
  input: { email: string; role: Role; expiresInHours: number },
  actor: Actor,
  now: Date,
): Promise<Invitation & { path: string }> {
  const email = input.email.toLowerCase();
  const secret = randomSecret(32);
  return db.transaction(async (tx) => {
    const existing = await tx.select({ id: users.id }).from(users).where(eq(users.email, email)).get();
    if (existing && (await findMember(tx, orgId, existing.id))) {
      throw new ProblemError(409, 'Conflict', `${email} is already a member of this org.`, [
        { path: 'email', message: 'already a member (reactivate them in the list instead)' },
      ]);
    }
    const [row] = await tx
      .insert(invitations)
      .values({
        id: randomUUID(),
        orgId,
        email,
        role: input.role,
        secretHash: sha256(secret),
        createdBy: actor.id,
        createdAt: now,
        expiresAt: new Date(now.getTime() + input.expiresInHours * hourMs),
      })
      .returning();
    const result = view(row!);
    await recordAudit(tx, actor, {
      orgId,
      action: 'create',
      entity: 'invitation',
      entityId: row!.id,
      after: result,
    });
    return { ...result, path: acceptPath(secret) };
  });
}

const pending = (orgId: string, now: Date) =>
  and(
    eq(invitations.orgId, orgId),
    isNull(invitations.acceptedAt),
    isNull(invitations.revokedAt),
    gt(invitations.expiresAt, now),
  );

/** Invitations not yet accepted, revoked or expired, newest first, a page at a time. */
export async function listInvitations(
  db: Db,
  orgId: string,
  now: Date,
  limit: number,
  cursor?: string,
): Promise<Page<Invitation>> {
  const rows = await db
    .select()
    .from(invitations)
    .where(and(pending(orgId, now), afterTimeCursor(cursor, invitations.createdAt, invitations.id)))
    .orderBy(desc(invitations.createdAt), desc(invitations.id))
    .limit(limit + 1);
  return toPage(rows, limit, (r) => timeKey({ id: r.id, at: r.createdAt }), view);
}

/** Withdraws a pending invitation: its link stops working at once. */
export async function revokeInvitation(db: Db, orgId: string, id: string, actor: Actor, now: Date) {
  await db.transaction(async (tx) => {
    const where = and(eq(invitations.id, id), pending(orgId, now));
    const before = await tx.select().from(invitations).where(where).get();
    if (!before) throw notFound('invitation');
    await tx.update(invitations).set({ revokedAt: now }).where(where);
    await recordAudit(tx, actor, {
      orgId,
      action: 'revoke',
      entity: 'invitation',
      entityId: id,
      before: view(before),
    });
  });
}

const goneInvitation = () =>
  new ProblemError(404, 'Not Found', 'This invitation link is unknown, already used, withdrawn or expired.');

/** The live invitation behind a link secret, with its org and whether the email has an account. */
export async function openInvitation(db: Db, secret: string, now: Date) {
  const row = await db
    .select({ invitation: invitations, org: { slug: orgs.slug, name: orgs.name } })
    .from(invitations)
    .innerJoin(orgs, eq(orgs.id, invitations.orgId))
    .where(
      and(
        eq(invitations.secretHash, sha256(secret)),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, now),
      ),
    )
    .get();
  if (!row) throw goneInvitation();
  const account = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, row.invitation.email))
    .get();
  return { ...row, hasAccount: account !== undefined };
}

/**
 * Accepts an invitation once: a new email gets an account with `password` (and `name`); an
 * existing account must give its own password. Adds (or reactivates) the membership with the
 * invited role and returns the user id to sign in.
 */
export async function acceptInvitation(
  db: Db,
  secret: string,
  input: { name?: string | undefined; password: string },
  now: Date,
): Promise<string> {
  const { invitation } = await openInvitation(db, secret, now);
  const existing = await db.select().from(users).where(eq(users.email, invitation.email)).get();
  if (existing && !(await verifyPassword(input.password, existing.passwordHash ?? unusablePasswordHash))) {
    throw new ProblemError(422, 'Unprocessable Content', 'Wrong password for the existing account.', [
      { path: 'password', message: `the password of ${invitation.email}` },
    ]);
  }
  if (!existing && !input.name) {
    throw new ProblemError(422, 'Unprocessable Content', 'A new account needs a name.', [
      { path: 'name', message: 'required for a new account' },
    ]);
  }
  const passwordHash = existing ? undefined : await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const claimed = await tx
      .update(invitations)
      .set({ acceptedAt: now })
      .where(and(eq(invitations.id, invitation.id), isNull(invitations.acceptedAt)))
      .returning({ id: invitations.id });
    if (claimed.length === 0) throw goneInvitation();
    const userId = existing?.id ?? randomUUID();
    if (!existing) {
      await tx
        .insert(users)
        .values({ id: userId, email: invitation.email, name: input.name!, passwordHash: passwordHash! });
    }
    const { orgId, role } = invitation;
    await tx
      .insert(memberships)
      .values({ userId, orgId, role })
      .onConflictDoUpdate({
        target: [memberships.userId, memberships.orgId],
        set: { role, deactivatedAt: null },
      });
    const actor = { id: userId, label: `user:${userId}` };
    const after = { id: userId, email: invitation.email, role, invitation: invitation.id };
    await recordAudit(tx, actor, {
      orgId,
      action: 'accept',
      entity: 'invitation',
      entityId: invitation.id,
      after,
    });
    return userId;
  });
}
