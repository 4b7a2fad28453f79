import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditLog } from '../../server/db/schema';
import { ProblemError } from '../../server/errors';
import {
  createApiToken,
  listApiTokens,
  resolveApiToken,
  revokeApiToken,
} from '../../server/services/api-tokens';
import { createTempDb, type TempDatabase } from '../helpers/temp-db';
import { insertOrg } from './alerts/rule-fixtures';

/** The token service called inside each test (fixtures made in beforeAll hooks do not show a fault as a failing test). */
let database: TempDatabase;
let orgId: string;
const actor = { id: null, label: 'records-test' };
const now = new Date('2026-06-01T09:00:00.000Z');

beforeEach(async () => {
  database = await createTempDb();
  orgId = await insertOrg(database.db);
});
afterEach(() => database.cleanup());

describe('API token records', () => {
  it('creates a token shown once, with no use, revocation or expiry, and audits the view without the secret', async () => {
    const created = await createApiToken(database.db, { orgId, name: 'ci', role: 'viewer' }, actor, now);
    const { token, ...view } = created;
    expect(view).toEqual({
      id: expect.any(String),
      name: 'ci',
      role: 'viewer',
      prefix: expect.any(String),
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT[\d:.]+Z$/),
      lastUsedAt: null,
      revokedAt: null,
      expiresAt: null,
    });
    expect((await resolveApiToken(database.db, token, now))?.id).toBe(view.id);
    const audit = await database.db.select().from(auditLog).where(eq(auditLog.entityId, view.id)).all();
    expect(audit).toMatchObject([{ orgId, action: 'create', entity: 'api_token', after: view }]);
  });

  it('keeps an expiry in the future and refuses one at or before now with 422 naming expiresAt', async () => {
    const later = new Date('2026-06-02T09:00:00.000Z');
    const expiring = await createApiToken(
      database.db,
      { orgId, name: 'a', role: 'viewer', expiresAt: later },
      actor,
      now,
    );
    expect(expiring.expiresAt).toBe('2026-06-02T09:00:00.000Z');
    const refused = createApiToken(
      database.db,
      { orgId, name: 'b', role: 'viewer', expiresAt: now },
      actor,
      now,
    );
    await expect(refused).rejects.toThrow(ProblemError);
    await expect(refused).rejects.toMatchObject({
      status: 422,
      title: 'Unprocessable Content',
      detail: 'The expiry must be in the future.',
      errors: [{ path: 'expiresAt', message: 'must be later than 2026-06-01T09:00:00.000Z' }],
    });
  });

  it('lists the last use and the revocation time once a token was used and revoked', async () => {
    const { id, token } = await createApiToken(
      database.db,
      { orgId, name: 'ci', role: 'planner' },
      actor,
      now,
    );
    await resolveApiToken(database.db, token, new Date('2026-06-01T10:00:00.000Z'));
    await revokeApiToken(database.db, orgId, id, actor, new Date('2026-06-01T11:00:00.000Z'));
    const page = await listApiTokens(database.db, orgId, 10);
    expect(page.items).toMatchObject([
      { id, lastUsedAt: '2026-06-01T10:00:00.000Z', revokedAt: '2026-06-01T11:00:00.000Z', expiresAt: null },
    ]);
  });
});
