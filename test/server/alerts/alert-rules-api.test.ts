import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { teams } from '../../../server/db/schema';
import { deliverDue } from '../../../server/scheduler/delivery-worker';
import { systemActor } from '../../../server/services/audit';
import { saveScenario } from '../../../server/services/scenarios';
import { bearer, createOrgFixture, type OrgFixture, sendJson } from '../../helpers/api-fixture';
import { type AppServer, startAppServer } from '../../helpers/app-server';
import { startReceiver, type WebhookReceiver } from './webhook-receiver';

const secret = 'whsec-api-test-0123456789';
let server: AppServer;
let receiver: WebhookReceiver;
let acme: OrgFixture;
let other: OrgFixture;
const teamId = randomUUID();

beforeAll(async () => {
  server = await startAppServer();
  receiver = await startReceiver();
  const { db } = server.database;
  acme = await createOrgFixture(db, 'acme');
  other = await createOrgFixture(db, 'other');
  await db
    .insert(teams)
    .values({ id: teamId, orgId: acme.id, name: 'Payments', headcount: { junior: 4, mid: 4, senior: 1 } });
  await saveScenario(
    db,
    { orgId: acme.id, planOfRecord: true },
    { name: 'Plan', events: [] },
    systemActor,
    new Date(),
  );
});
afterAll(async () => {
  await receiver.close();
  await server.close();
});

const rules = (slug = 'acme') => `${server.url}/api/v1/orgs/${slug}/alert-rules`;
const validRule = () => ({
  name: 'Payments backlog',
  metric: 'backlogWeeks',
  comparator: '>=',
  threshold: 0,
  lookaheadWeeks: 4,
  schedule: '0 9 * * 1',
  timezone: 'Europe/Rome',
  webhook: { url: receiver.url, secret },
  teams: [teamId],
  percentile: 'P50',
});
const create = async (body: unknown = validRule(), token = acme.tokens.planner) =>
  sendJson(rules(), 'POST', body, bearer(token));

describe('POST /orgs/{org}/alert-rules', () => {
  it('creates the rule and never returns the secret, only its last four characters', async () => {
    const response = await create();
    expect(response.status).toBe(201);
    const text = await response.text();
    expect(text).not.toContain(secret);
    const rule = JSON.parse(text);
    expect(rule).toMatchObject({
      id: expect.any(String),
      format: 'json',
      cooldownHours: 0,
      webhook: { url: receiver.url, secretHint: '…6789' },
      nextRunAt: expect.stringMatching(/T0[78]:00:00.000Z$/),
    });
    const read = await fetch(`${rules()}/${rule.id}`, { headers: bearer(acme.tokens.viewer) });
    expect(await read.text()).not.toContain(secret);
  });

  it.each([
    ['an unknown key', { extra: 1 }, 'extra'],
    ['a non-http webhook URL', { webhook: { url: 'ftp://example.com/x', secret } }, 'webhook.url'],
    ['a short secret', { webhook: { url: 'https://example.com/x', secret: 'short' } }, 'webhook.secret'],
    ['an unknown time zone', { timezone: 'Mars/Base' }, 'timezone'],
    ['a malformed schedule', { schedule: 'every day' }, 'schedule'],
    ['an unknown metric', { metric: 'happiness' }, 'metric'],
    ['another org’s team', { teams: ['not-a-team'] }, 'teams[0]'],
  ])('rejects %s with 422 naming the field', async (_, change, path) => {
    const response = await create({ ...validRule(), ...change });
    expect(response.status).toBe(422);
    const problem = await response.json();
    expect(problem.errors.map((e: { path: string }) => e.path)).toContain(path);
  });

  it('needs the planner role and hides other orgs', async () => {
    expect((await create(validRule(), acme.tokens.viewer)).status).toBe(403);
    expect((await create(validRule(), other.tokens.admin)).status).toBe(404);
    expect((await fetch(rules(), {})).status).toBe(401);
  });
});

describe('evaluate, history, acknowledge and delivery log', () => {
  it('evaluates now, opens one alert, logs the delivery attempt and takes an acknowledgement', async () => {
    const rule = await (await create()).json();
    const path = `${rules()}/${rule.id}`;
    const evaluated = await sendJson(`${path}/evaluate`, 'POST', undefined, bearer(acme.tokens.planner));
    expect(evaluated.status).toBe(200);
    const result = await evaluated.json();
    expect(result).toMatchObject({ status: 'ok', findings: [{ teamId, breached: true, week: 0 }] });
    expect(result.opened).toMatchObject([{ teamId, teamName: 'Payments', state: 'open' }]);
    const again = await (
      await sendJson(`${path}/evaluate`, 'POST', undefined, bearer(acme.tokens.planner))
    ).json();
    expect(again.opened).toEqual([]);

    const policy = { maxAttempts: 3, baseMs: 10, maxDelayMs: 10 };
    const deps = {
      db: server.database.db,
      clock: () => new Date(),
      policy,
      timeoutMs: 2_000,
      random: Math.random,
    };
    await deliverDue({ ...deps, userAgent: 'test' });
    const log = await (await fetch(`${path}/deliveries`, { headers: bearer(acme.tokens.viewer) })).json();
    expect(log.items).toMatchObject([
      { event: 'opened', status: 'delivered', attempts: [{ attempt: 1, statusCode: 200 }] },
    ]);
    expect(log.items[0].attempts[0].latencyMs).toBeGreaterThanOrEqual(0);

    const history = await (
      await fetch(`${path}/alerts?team=${teamId}`, { headers: bearer(acme.tokens.viewer) })
    ).json();
    expect(history.items).toHaveLength(1);
    const ack = await sendJson(
      `${path}/alerts/${history.items[0].id}/acknowledge`,
      'POST',
      undefined,
      bearer(acme.tokens.planner),
    );
    expect(await ack.json()).toMatchObject({ acknowledgedBy: expect.stringMatching(/^token:/) });
    const evaluations = await (
      await fetch(`${path}/evaluations`, { headers: bearer(acme.tokens.viewer) })
    ).json();
    expect(evaluations.items.map((e: { trigger: string }) => e.trigger)).toEqual(['manual', 'manual']);
  });

  it('reports an org without a plan of record as an evaluation error', async () => {
    const response = await sendJson(
      rules('other'),
      'POST',
      { ...validRule(), teams: undefined },
      bearer(other.tokens.planner),
    );
    const rule = await response.json();
    const result = await sendJson(
      `${rules('other')}/${rule.id}/evaluate`,
      'POST',
      undefined,
      bearer(other.tokens.planner),
    );
    expect(await result.json()).toMatchObject({
      status: 'error',
      error: expect.stringMatching(/no plan of record/),
    });
  });

  it('deletes a rule', async () => {
    const rule = await (await create()).json();
    const removed = await fetch(`${rules()}/${rule.id}`, {
      method: 'DELETE',
      headers: bearer(acme.tokens.planner),
    });
    expect(removed.status).toBe(204);
    expect((await fetch(`${rules()}/${rule.id}`, { headers: bearer(acme.tokens.viewer) })).status).toBe(404);
  });
});
