import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../server/db/client';
import { hotReadsOf } from '../../server/db/hot-reads';
import { apiTokens, memberships, orgs, sessions, users } from '../../server/db/schema';
import { createApiToken } from '../../server/services/api-tokens';
import { systemActor } from '../../server/services/audit';
import { bearer, createOrgFixture, login, type OrgFixture } from '../helpers/api-fixture';
import { type AppServer, startAppServer } from '../helpers/app-server';

/**
 * The lookups every request makes before its handler (token, session, org with its revision,
 * membership) read on a connection of their own with statements prepared once. Writes made
 * through another connection to the same file (as another process, a CLI or a second instance
 * would) count from the next request on.
 */
let server: AppServer;
let acme: OrgFixture;
let other: Database;

beforeAll(async () => {
  server = await startAppServer();
  acme = await createOrgFixture(server.database.db, 'acme');
  other = await openDatabase(server.database.url);
});
afterAll(async () => {
  other.close();
  await server.close();
});

const get = (path: string, headers: Record<string, string>) =>
  fetch(`${server.url}/api/v1/orgs/acme${path}`, { headers });

describe('hot reads on an embedded file', () => {
  it('are opened for the database of a file and closed with it', async () => {
    const database = await openDatabase(`${server.database.url.replace(/test\.db$/, 'second.db')}`);
    expect(hotReadsOf(database.db)).toBeDefined();
    database.close();
    expect(hotReadsOf(database.db)).toBeUndefined();
  });

  it('accept a token created through another connection, and refuse it once revoked there', async () => {
    const { id, token } = await createApiToken(
      other.db,
      { orgId: acme.id, name: 'cli', role: 'viewer' },
      systemActor,
    );
    expect((await get('/teams', bearer(token))).status).toBe(200);
    await other.db.update(apiTokens).set({ revokedAt: new Date() }).where(eq(apiTokens.id, id));
    expect((await get('/teams', bearer(token))).status).toBe(401);
  });

  it('refuse a token that expired', async () => {
    const { id, token } = await createApiToken(
      other.db,
      { orgId: acme.id, name: 'old', role: 'viewer' },
      systemActor,
    );
    await other.db
      .update(apiTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(apiTokens.id, id));
    expect((await get('/teams', bearer(token))).status).toBe(401);
  });

  it('answer a member deactivated through another connection as if the org did not exist', async () => {
    const session = await login(server.url, acme.emails.planner);
    const headers = { cookie: session.cookie };
    expect((await get('/teams', headers)).status).toBe(200);
    const user = await other.db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, acme.emails.planner))
      .get();
    await other.db
      .update(memberships)
      .set({ deactivatedAt: new Date() })
      .where(eq(memberships.userId, user!.id));
    expect((await get('/teams', headers)).status).toBe(404);
  });

  it('refuse a session ended through another connection', async () => {
    const session = await login(server.url, acme.emails.viewer);
    const headers = { cookie: session.cookie };
    expect((await get('/teams', headers)).status).toBe(200);
    const user = await other.db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, acme.emails.viewer))
      .get();
    await other.db.delete(sessions).where(eq(sessions.userId, user!.id));
    expect((await get('/teams', headers)).status).toBe(401);
  });

  it("give the org's name as written through another connection at the next request", async () => {
    const read = async () => (await (await get('', bearer(acme.tokens.viewer))).json()).name;
    expect(await read()).toBe('Org acme');
    await other.db.update(orgs).set({ name: 'Acme Renamed' }).where(eq(orgs.id, acme.id));
    expect(await read()).toBe('Acme Renamed');
  });
});
