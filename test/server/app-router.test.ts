import { SmartRouter } from 'hono/router/smart-router';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import { loadConfig } from '../../server/config';
import { createTempDb, type TempDatabase } from '../helpers/temp-db';

describe('app routing', () => {
  let database: TempDatabase | undefined;
  afterEach(() => {
    database?.cleanup();
    database = undefined;
  });

  it("routes every path with Hono's RegExpRouter, not the slower trie router it falls back to", async () => {
    database = await createTempDb();
    const config = loadConfig({ DATABASE_URL: database.url, LOG_LEVEL: 'silent' }, 'test');
    const app = createApp({ db: database.db, config, clock: () => new Date() });
    // SmartRouter settles on the first of its routers that holds every route, on the first request.
    expect((await app.request('/api/v1/health')).status).toBe(200);
    expect(app.router).toBeInstanceOf(SmartRouter);
    expect((app.router as SmartRouter<unknown>).activeRouter.name).toBe('RegExpRouter');
  });
});
