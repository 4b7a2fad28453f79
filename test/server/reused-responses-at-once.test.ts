import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import { loadConfig } from '../../server/config';
import { hotReadsOf } from '../../server/db/hot-reads';
import { bearer, createOrgFixture } from '../helpers/api-fixture';
import { createTempDb, type TempDatabase } from '../helpers/temp-db';

/** Occupies the thread for `ms`, as answers made one after another in one turn do. */
const busy = (ms: number) => {
  const until = performance.now() + ms;
  while (performance.now() < until);
};

let database: TempDatabase;
let app: ReturnType<typeof createApp>;
let token: string;
const reportUrl = 'http://localhost/api/v1/orgs/quick/reports/capacity?horizon=4&runs=0';
/** The app's answer to a GET of the report, as the server's fetch gets it (a Response, or a promise of one). */
const ask = () => app.fetch(new Request(reportUrl, { headers: bearer(token) }));

beforeAll(async () => {
  database = await createTempDb();
  const config = loadConfig({ DATABASE_URL: database.url, LOG_LEVEL: 'silent' }, 'test');
  app = createApp({ db: database.db, config, clock: () => new Date() });
  const org = await createOrgFixture(database.db, 'quick');
  token = org.tokens.viewer;
  const post = async (path: string, body: unknown) => {
    const response = await app.request(`/api/v1/orgs/quick${path}`, {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { ...bearer(org.tokens.planner), 'content-type': 'application/json' },
    });
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return response.json();
  };
  await post('/teams', { name: 'Checkout', headcount: { mid: 4, senior: 2 } });
  const plan = await post('/scenarios', { name: 'Plan', events: [] });
  await post(`/scenarios/${plan.id}/plan-of-record`, {});
});
afterAll(() => database.cleanup());

describe('a repeated cached report answered at once', () => {
  it('is answered by the server’s fetch in the call itself, then after 5 ms of such answers in one turn through the app’s queue, with the same body', async () => {
    // The first use writes the token's last-used time; the second answer is the one kept.
    for (let i = 0; i < 2; i++) expect((await ask()).status).toBe(200);
    const atOnce = ask();
    busy(6);
    const queued = ask();
    expect(atOnce).toBeInstanceOf(Response);
    expect(queued).toBeInstanceOf(Promise);
    const [first, second] = await Promise.all([atOnce, queued]);
    expect([first.status, second.status]).toEqual([200, 200]);
    const body = await first.text();
    expect(JSON.parse(body).rows[0].team).toBe('Checkout');
    expect(await second.text()).toBe(body);
    // A new turn: answered at once again.
    await new Promise((resolve) => setImmediate(resolve));
    expect(ask()).toBeInstanceOf(Response);
  });

  it('goes through the app for a request the app has not answered yet, and after a write', async () => {
    const teams = app.fetch(
      new Request('http://localhost/api/v1/orgs/quick/teams', { headers: bearer(token) }),
    );
    expect(teams).toBeInstanceOf(Promise);
    expect((await teams).status).toBe(200);
    expect(ask()).toBeInstanceOf(Response);
    await database.client.execute("UPDATE orgs SET name = 'Quick' WHERE slug = 'quick'");
    const afterWrite = ask();
    expect(afterWrite).toBeInstanceOf(Promise);
    expect((await afterWrite).status).toBe(200);
  });
});

describe('a failure while answering at once', () => {
  it('sends the request through the app, which answers its error as problem+json, not a bare 500', async () => {
    expect((await ask()).status).toBe(200);
    // A read of the data version that fails (as on a disk I/O error), before any answer is made.
    const hot = hotReadsOf(database.db)!;
    hot.dataVersion = () => {
      throw new Error('disk I/O error');
    };
    const answered = ask();
    expect(answered).toBeInstanceOf(Promise);
    const response = await answered;
    expect(response.status).toBe(500);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
  });
});
