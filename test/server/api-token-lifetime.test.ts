import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../server/db/schema';
import { bearer, createOrgFixture, type OrgFixture, sendJson } from '../helpers/api-fixture';
import { type AppServer, startAppServer } from '../helpers/app-server';
import { manualClock, minuteMs } from '../helpers/manual-clock';

/** API tokens live until revoked or until their optional expiry; their last use is recorded at most once a minute. */
const clock = manualClock();
let server: AppServer;
let acme: OrgFixture;
let globex: OrgFixture;

beforeAll(async () => {
  server = await startAppServer({ clock: clock.now, env: { RATE_LIMIT_TOKENS_PER_USER: '1000' } });
  acme = await createOrgFixture(server.database.db, 'acme');
  globex = await createOrgFixture(server.database.db, 'globex');
});
afterAll(async () => {
  await server.close();
});

const api = (path: string) => `${server.url}/api/v1/orgs/acme${path}`;

interface Listed {
  id: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  expiresAt: string | null;
}

async function newToken(): Promise<{ id: string; token: string }> {
  const response = await sendJson(
    api('/tokens'),
    'POST',
    { name: 'ci', role: 'viewer' },
    bearer(acme.tokens.admin),
  );
  return response.json();
}

async function listed(id: string): Promise<Listed> {
  const page = await (await fetch(api('/tokens?limit=200'), { headers: bearer(acme.tokens.admin) })).json();
  return page.items.find((t: Listed) => t.id === id);
}

const teams = async (token: string) => (await fetch(api('/teams'), { headers: bearer(token) })).status;

const revoke = async (id: string, org = acme) =>
  (await fetch(api(`/tokens/${id}`), { method: 'DELETE', headers: bearer(org.tokens.admin) })).status;

describe('revocation', () => {
  it('refuses a revoked token at once, at the very instant of revocation', async () => {
    const { id, token } = await newToken();
    expect(await teams(token)).toBe(200);
    expect(await revoke(id)).toBe(204);
    expect(await teams(token)).toBe(401);
    expect((await listed(id)).revokedAt).toBe(clock.now().toISOString());
  });

  it('keeps the first revocation time when a token is revoked again', async () => {
    const { id } = await newToken();
    const first = clock.now().toISOString();
    await revoke(id);
    clock.advance(minuteMs);
    expect(await revoke(id)).toBe(204);
    expect((await listed(id)).revokedAt).toBe(first);
  });

  it('answers 404 to an admin of another org revoking the token, which keeps working', async () => {
    const { id, token } = await newToken();
    const response = await fetch(`${server.url}/api/v1/orgs/globex/tokens/${id}`, {
      method: 'DELETE',
      headers: bearer(globex.tokens.admin),
    });
    expect(response.status).toBe(404);
    expect(await teams(token)).toBe(200);
  });

  it('still accepts a token that has not been used for a year', async () => {
    const { token } = await newToken();
    clock.advance(365 * 24 * 60 * minuteMs);
    expect(await teams(token)).toBe(200);
  });
});

describe('expiry', () => {
  const expiring = async (expiresAt: string) =>
    sendJson(api('/tokens'), 'POST', { name: 'hr', role: 'viewer', expiresAt }, bearer(acme.tokens.admin));

  it('accepts a token until the instant before its expiry and refuses it from that instant on', async () => {
    const expiresAt = new Date(clock.now().getTime() + 2 * minuteMs).toISOString();
    const created = await (await expiring(expiresAt)).json();
    expect(created.expiresAt).toBe(expiresAt);
    expect((await listed(created.id)).expiresAt ?? null).toBe(expiresAt);
    clock.advance(2 * minuteMs - 1);
    expect(await teams(created.token)).toBe(200);
    clock.advance(1);
    expect(await teams(created.token)).toBe(401);
  });

  it('refuses to create a token that has already expired, naming expiresAt', async () => {
    const response = await expiring(clock.now().toISOString());
    expect(response.status).toBe(422);
    expect((await response.json()).errors).toEqual([
      { path: 'expiresAt', message: `must be later than ${clock.now().toISOString()}` },
    ]);
  });

  it('refuses an expiry that is not an ISO date-time, naming expiresAt', async () => {
    const response = await expiring('next tuesday');
    expect(response.status).toBe(422);
    expect((await response.json()).errors[0].path).toBe('expiresAt');
  });

  it('lists a token without expiry with expiresAt null', async () => {
    const { id } = await newToken();
    expect((await listed(id)).expiresAt).toBeNull();
  });
});

describe('last use', () => {
  it('records no use for a token never used', async () => {
    const { id } = await newToken();
    expect((await listed(id)).lastUsedAt).toBeNull();
  });

  it('records the first use, then at most one use a minute', async () => {
    const { id, token } = await newToken();
    const firstUse = clock.now().toISOString();
    await teams(token);
    expect((await listed(id)).lastUsedAt).toBe(firstUse);
    clock.advance(minuteMs - 1);
    await teams(token);
    expect((await listed(id)).lastUsedAt).toBe(firstUse);
    clock.advance(1);
    await teams(token);
    expect((await listed(id)).lastUsedAt).toBe(clock.now().toISOString());
  });
});

describe('record', () => {
  it('audits creation and revocation with the token as it was and as it became', async () => {
    const { id } = await newToken();
    await revoke(id);
    const entries = await server.database.db.select().from(auditLog).where(eq(auditLog.entityId, id)).all();
    expect(entries.map((e) => [e.action, e.entity])).toEqual([
      ['create', 'api_token'],
      ['revoke', 'api_token'],
    ]);
    expect(entries[0]?.after).toMatchObject({
      id,
      name: 'ci',
      role: 'viewer',
      lastUsedAt: null,
      revokedAt: null,
    });
    expect(entries[1]?.before).toMatchObject({ id, revokedAt: null });
    expect(entries[1]?.after).toMatchObject({ id, name: 'ci', revokedAt: clock.now().toISOString() });
  });

  it('answers 404 naming the token for an unknown id', async () => {
    const response = await fetch(api('/tokens/nope'), {
      method: 'DELETE',
      headers: bearer(acme.tokens.admin),
    });
    expect(response.status).toBe(404);
    expect((await response.json()).detail).toBe('No such token.');
  });

  it('lists tokens a page at a time, newest first, each once', async () => {
    const made = [(await newToken()).id];
    clock.advance(1);
    made.push((await newToken()).id);
    const headers = bearer(acme.tokens.admin);
    const first = await (await fetch(api('/tokens?limit=1'), { headers })).json();
    expect(first.items.map((t: Listed) => t.id)).toEqual([made[1]]);
    expect(first.nextCursor).not.toBeNull();
    const second = await (await fetch(api(`/tokens?limit=1&cursor=${first.nextCursor}`), { headers })).json();
    expect(second.items.map((t: Listed) => t.id)).toEqual([made[0]]);
  });
});
