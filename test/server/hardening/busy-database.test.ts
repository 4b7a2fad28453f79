import { createClient } from '@libsql/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../server/app';
import { loadConfig } from '../../../server/config';
import { isDatabaseBusy } from '../../../server/errors';
import { bearer, createOrgFixture, type OrgFixture } from '../../helpers/api-fixture';
import { createTempDb, type TempDatabase } from '../../helpers/temp-db';

let database: TempDatabase;
let org: OrgFixture;

beforeAll(async () => {
  database = await createTempDb({ busyTimeoutMs: 100 });
  org = await createOrgFixture(database.db, 'busy');
});
afterAll(() => {
  database.cleanup();
});

describe('a database locked by another connection', () => {
  it('waits out the busy timeout, then answers 503 problem+json with Retry-After, and keeps serving once the lock is gone', async () => {
    const app = createApp({
      db: database.db,
      config: loadConfig({ DATABASE_URL: database.url }, 'test'),
      clock: () => new Date(),
    });
    const holder = createClient({ url: database.url });
    const lock = await holder.transaction('write');
    await lock.execute("UPDATE orgs SET name = 'Locked' WHERE slug = 'busy'");
    const create = () =>
      app.request('/api/v1/orgs/busy/teams', {
        method: 'POST',
        headers: { ...bearer(org.tokens.planner), 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Blocked', headcount: { senior: 1 } }),
      });
    const started = performance.now();
    const blocked = await create();
    expect(performance.now() - started).toBeGreaterThanOrEqual(90);
    expect(blocked.status).toBe(503);
    expect(blocked.headers.get('retry-after')).toBe('1');
    expect(blocked.headers.get('content-type')).toBe('application/problem+json');
    expect(await blocked.text()).not.toMatch(/SQLITE|insert|Failed query/i);
    await lock.rollback();
    holder.close();
    const read = await app.request('/api/v1/orgs/busy/teams', { headers: bearer(org.tokens.viewer) });
    expect(read.status).toBe(200);
    expect((await app.request('/api/v1/health')).status).toBe(200);
  });

  it('recognises SQLITE_BUSY and SQLITE_LOCKED anywhere in the cause chain, nothing else', () => {
    const libsql = Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
    expect(isDatabaseBusy(new Error('Failed query', { cause: libsql }))).toBe(true);
    expect(isDatabaseBusy(Object.assign(new Error('x'), { code: 'SQLITE_LOCKED_SHAREDCACHE' }))).toBe(true);
    expect(isDatabaseBusy(Object.assign(new Error('x'), { code: 'SQLITE_CONSTRAINT' }))).toBe(false);
  });
});
