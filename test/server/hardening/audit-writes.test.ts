import { count, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alertEvaluations } from '../../../server/db/alerts-schema';
import { auditLog } from '../../../server/db/schema';
import { type OperationKey, permissions } from '../../../server/middleware/permissions';
import { bearer } from '../../helpers/api-fixture';
import { type AppServer, startAppServer } from '../../helpers/app-server';
import { type OperationFixture, sendOperation, setupOperations } from '../../helpers/operation-requests';

let server: AppServer;
let fx: OperationFixture;

beforeAll(async () => {
  server = await startAppServer();
  fx = await setupOperations(server);
});
afterAll(async () => {
  await server.close();
});

/** "Evaluate now" is logged in alert_evaluations (trigger `manual`), without the caller: see the evaluation test below. */
const evaluate: OperationKey = 'POST /orgs/{org}/alert-rules/{id}/evaluate';
/** A dry run writes nothing by design (test/server/planner/alert-dry-run.test.ts proves it): a read. */
const dryRun: OperationKey = 'POST /orgs/{org}/alert-rules/{id}/dry-run';
/** A roster preview writes nothing by design (test/server/planner/roster-preview.test.ts proves it): a read. */
const rosterPreview: OperationKey = 'POST /orgs/{org}/roster/preview';
const writes = (Object.keys(permissions) as OperationKey[]).filter(
  (key) => !key.startsWith('GET ') && key !== evaluate && key !== dryRun && key !== rosterPreview,
);
/** Audit rows written by an API token (the setup's rows are the system's or the admin token's, counted before each call). */
const auditRows = async () =>
  (
    await server.database.db
      .select({ n: count() })
      .from(auditLog)
      .where(like(auditLog.actor, 'token:%'))
      .get()
  )?.n ?? 0;

describe('audit log', () => {
  it.each(writes)('%s adds an audit row naming the calling token', async (key) => {
    const call = await fx.request(key);
    const before = await auditRows();
    const response = await sendOperation(server.url, key, 'own', call, bearer(fx.own.tokens.admin));
    expect([200, 201, 202, 204], await response.text()).toContain(response.status);
    expect(await auditRows()).toBeGreaterThan(before);
  });

  it('logs every manual evaluation in alert_evaluations', async () => {
    const evaluations = async () =>
      (await server.database.db.select({ n: count() }).from(alertEvaluations).get())?.n ?? 0;
    const before = await evaluations();
    const response = await sendOperation(
      server.url,
      evaluate,
      'own',
      await fx.request(evaluate),
      bearer(fx.own.tokens.admin),
    );
    expect(response.status).toBe(200);
    expect(await evaluations()).toBe(before + 1);
  });
});
