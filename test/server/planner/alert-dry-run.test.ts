import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anyBacklogRule } from '../../helpers/alert-rule-body';
import { bearer, createOrgFixture, type OrgFixture, sendJson } from '../../helpers/api-fixture';
import { type AppServer, startAppServer } from '../../helpers/app-server';
import { startReceiver, type WebhookReceiver } from '../alerts/webhook-receiver';

/** The dry run of an alert rule over real HTTP: what would fire, with nothing opened, stored or sent. */
let server: AppServer;
let org: OrgFixture;
let receiver: WebhookReceiver;
const base = () => `${server.url}/api/v1/orgs/dry`;
const post = (path: string, body: unknown) =>
  sendJson(`${base()}${path}`, 'POST', body, bearer(org.tokens.planner));
const get = async (path: string) =>
  (await fetch(`${base()}${path}`, { headers: bearer(org.tokens.viewer) })).json();

beforeAll(async () => {
  server = await startAppServer({ clock: () => new Date('2026-04-01T09:00:00Z') });
  org = await createOrgFixture(server.database.db, 'dry');
  receiver = await startReceiver();
});
afterAll(async () => {
  await receiver.close();
  await server.close();
});

describe('POST /orgs/{org}/alert-rules/{id}/dry-run', () => {
  it('names every team that would open an alert (backlog >= 0 weeks holds for all) and opens, stores and sends nothing', async () => {
    const search = await (await post('/teams', { name: 'Search', headcount: { senior: 2, mid: 3 } })).json();
    const ledger = await (
      await post('/teams', { name: 'Ledger', headcount: { senior: 1, junior: 2 } })
    ).json();
    const scenario = await (await post('/scenarios', { name: 'Plan', events: [] })).json();
    await post(`/scenarios/${scenario.id}/plan-of-record`, {});
    const rule = await (await post('/alert-rules', anyBacklogRule(receiver.url))).json();

    const response = await post(`/alert-rules/${rule.id}/dry-run`, undefined);
    expect(response.status).toBe(200);
    const dry = await response.json();
    expect(dry.dryRun).toBe(true);
    expect(dry.wouldOpen.map((a: { teamName: string }) => a.teamName).sort()).toEqual(['Ledger', 'Search']);
    expect(dry.wouldOpen.map((a: { teamId: string }) => a.teamId).sort()).toEqual(
      [search.id, ledger.id].sort(),
    );
    expect(dry.wouldResolve).toEqual([]);

    expect((await get(`/alert-rules/${rule.id}/alerts`)).items).toEqual([]);
    expect((await get(`/alert-rules/${rule.id}/evaluations`)).items).toEqual([]);
    expect((await get(`/alert-rules/${rule.id}/deliveries`)).items).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(receiver.requests).toEqual([]);
  });
});
