import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { forecastRuns, orgs, scenarios } from '../../server/db/schema';
import { login, sendJson } from '../helpers/api-fixture';
import { type RunningServer, startServer } from '../helpers/running-server';
import { createTempDb, type TempDatabase } from '../helpers/temp-db';

const admin = { email: 'warm@example.com', password: 'twelve chars ok' };
/** Runs of the server's default forecast here: a few seconds for the demo org's 40 teams. */
const runs = 20;

describe('the plan-of-record forecast warm-up at start', () => {
  let database: TempDatabase | undefined;
  let server: RunningServer | undefined;
  afterEach(async () => {
    await server?.stop('SIGKILL');
    database?.cleanup();
    server = undefined;
    database = undefined;
  });

  it('stores the demo plan of record’s forecast with no request asking, and the Dashboard’s request then reads it (200, cached)', async () => {
    database = await createTempDb({ migrate: false });
    server = await startServer({
      DATABASE_URL: database.url,
      ADMIN_EMAIL: admin.email,
      ADMIN_PASSWORD: admin.password,
      FORECAST_DEFAULT_RUNS: String(runs),
      FORECAST_WARM_UP: 'true',
    });
    const deadline = Date.now() + 90_000;
    while ((await database.db.$count(forecastRuns)) === 0 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 250));
    const stored = await database.db.select().from(forecastRuns).all();
    expect(stored).toHaveLength(1);
    const plan = await database.db
      .select({ id: scenarios.id })
      .from(scenarios)
      .innerJoin(orgs, eq(orgs.id, scenarios.orgId))
      .where(eq(scenarios.planOfRecord, true))
      .get();
    expect(stored[0]).toMatchObject({ scenarioId: plan?.id, version: 1 });
    expect(stored[0]?.options).toMatchObject({ runs, horizonWeeks: 52, seed: 1 });

    const session = await login(server.url, admin.email, admin.password);
    const dashboard = await sendJson(
      `${server.url}/api/v1/orgs/demo/scenarios/${plan?.id}/forecast`,
      'POST',
      {},
      { cookie: session.cookie, 'x-csrf-token': session.csrf },
    );
    expect(dashboard.status).toBe(200);
    expect(await dashboard.json()).toMatchObject({ id: stored[0]?.id, cached: true });
    expect(await database.db.$count(forecastRuns)).toBe(1);
  });
});
