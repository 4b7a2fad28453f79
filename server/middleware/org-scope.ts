import { and, eq, isNull, sql } from 'drizzle-orm';
import { createMiddleware } from 'hono/factory';
import type { ApiEnv } from '../context';
import { hotReadsOf } from '../db/hot-reads';
import { preparedQuery } from '../db/prepared';
import { memberships, modelRevisions, orgs, type Role } from '../db/schema';
import type { AppDeps } from '../deps';
import { notFound, ProblemError } from '../errors';
import { hasRole } from './permissions';

const orgBySlug = preparedQuery((db) =>
  db
    .select({
      id: orgs.id,
      slug: orgs.slug,
      name: orgs.name,
      timeZone: orgs.timeZone,
      revision: sql<number>`coalesce(${modelRevisions.revision}, 0)`,
    })
    .from(orgs)
    .leftJoin(modelRevisions, eq(modelRevisions.orgId, orgs.id))
    .where(eq(orgs.slug, sql.placeholder('slug')))
    .prepare(),
);
const activeMembership = preparedQuery((db) =>
  db
    .select({ role: memberships.role })
    .from(memberships)
    .where(
      and(
        eq(memberships.orgId, sql.placeholder('orgId')),
        eq(memberships.userId, sql.placeholder('userId')),
        isNull(memberships.deactivatedAt),
      ),
    )
    .prepare(),
);

/**
 * For `/orgs/{org}/...`: finds the org by slug (with its model revision) and the caller's role in it. An unknown org, or
 * one the caller does not belong to (another org's token, no membership, a deactivated
 * membership), answers 404 alike.
 */
export function orgScope(deps: AppDeps) {
  return createMiddleware<ApiEnv>(async (c, next) => {
    // Stryker disable next-line StringLiteral: mounted on /orgs/:org only, so the parameter is always there
    const slug = c.req.param('org') ?? '';
    const hot = hotReadsOf(deps.db);
    const org = hot ? hot.orgBySlug(slug) : await orgBySlug(deps.db).get({ slug });
    if (!org) throw notFound('org');
    const principal = c.get('principal');
    let role: Role | undefined;
    if (principal.kind === 'token') {
      role = principal.orgId === org.id ? principal.role : undefined;
    } else {
      role = hot
        ? hot.activeRole(org.id, principal.userId)
        : (await activeMembership(deps.db).get({ orgId: org.id, userId: principal.userId }))?.role;
    }
    if (!role) throw notFound('org');
    c.set('org', { ...org, role });
    return next();
  });
}

/** 403 unless the caller's role in the org is at least `minimum`. */
export function requireRole(minimum: Role) {
  return createMiddleware<ApiEnv>(async (c, next) => {
    if (!hasRole(c.get('org').role, minimum)) {
      throw new ProblemError(403, 'Forbidden', `This operation needs the ${minimum} role or higher.`);
    }
    return next();
  });
}
