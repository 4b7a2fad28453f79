import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { hashPassword } from '../../server/auth/passwords';
import type { Db } from '../../server/db/client';
import { memberships, orgs, type Role, roles, users } from '../../server/db/schema';
import { createApiToken } from '../../server/services/api-tokens';
import { systemActor } from '../../server/services/audit';

/** The password of every fixture user. */
export const fixturePassword = 'correct horse battery staple';

export interface OrgFixture {
  id: string;
  slug: string;
  /** One user per role: email `<role>@<slug>.test`, password {@link fixturePassword}. */
  emails: Record<Role, string>;
  /** One API token per role. */
  tokens: Record<Role, string>;
}

/** Creates an org (or uses the existing org `slug`) with one user and one API token per role. */
export async function createOrgFixture(db: Db, slug: string): Promise<OrgFixture> {
  const existing = await db.select({ id: orgs.id }).from(orgs).where(eq(orgs.slug, slug)).get();
  const id = existing?.id ?? randomUUID();
  if (!existing) await db.insert(orgs).values({ id, slug, name: `Org ${slug}` });
  const passwordHash = await hashPassword(fixturePassword);
  const emails = {} as Record<Role, string>;
  const tokens = {} as Record<Role, string>;
  for (const role of roles) {
    const userId = randomUUID();
    emails[role] = `${role}@${slug}.test`;
    await db
      .insert(users)
      .values({ id: userId, email: emails[role], name: `${role} of ${slug}`, passwordHash });
    await db.insert(memberships).values({ userId, orgId: id, role });
    tokens[role] = (await createApiToken(db, { orgId: id, name: role, role }, systemActor)).token;
  }
  return { id, slug, emails, tokens };
}

/** A signed-in browser: the cookie header to send and the CSRF token to echo. */
export interface BrowserSession {
  cookie: string;
  csrf: string;
}

/** Signs in over HTTP and returns the session cookies. */
export async function login(url: string, email: string, password = fixturePassword): Promise<BrowserSession> {
  const response = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200) throw new Error(`login of ${email} answered ${response.status}`);
  const pairs = response.headers.getSetCookie().map((c) => c.split(';')[0]!);
  const csrf = pairs.find((p) => p.startsWith('rl_csrf='))?.slice('rl_csrf='.length) ?? '';
  return { cookie: pairs.join('; '), csrf };
}

/** Headers for an API token request. */
export const bearer = (token: string): Record<string, string> => ({ authorization: `Bearer ${token}` });

/** JSON request helper: `fetch` with a JSON body and content type. */
export function sendJson(url: string, method: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(url, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}
