import { and, eq, isNull } from 'drizzle-orm';
import { createMiddleware } from 'hono/factory';
import type { ApiEnv } from '../context';
import { memberships, orgs, type Role } from '../db/schema';
import type { AppDeps } from '../deps';
import { notFound, ProblemError } from '../errors';
import { hasRole } from './permissions';

/**
 * For `/orgs/{org}/...`: finds the org by slug and the caller's role in it. An unknown org, or
 * one the caller does not belong to (another org's token, no membership, a deactivated
 * membership), answers 404 alike.
 */
export function orgScope(deps: AppDeps) {
  return createMiddleware<ApiEnv>(async (c, next) => {
    // Stryker disable next-line StringLiteral: mounted on /orgs/:org only, so the parameter is always there
    const slug = c.req.param('org') ?? '';
    const org = await deps.db.select().from(orgs).where(eq(orgs.slug, slug)).get();
    if (!org) throw notFound('org');
    const principal = c.get('principal');
    let role: Role | undefined;
    if (principal.kind === 'token') {
      role = principal.orgId === org.id ? principal.role : undefined;
    } else {
      const membership = await deps.db
        .select({ role: memberships.role })
        .from(memberships)
        .where(
          and(
            eq(memberships.orgId, org.id),
            eq(memberships.userId, principal.userId),
            isNull(memberships.deactivatedAt),
          ),
        )
        .get();
      role = membership?.role;
    }
    if (!role) throw notFound('org');
    c.set('org', { id: org.id, slug: org.slug, name: org.name, timeZone: org.timeZone, role });
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
