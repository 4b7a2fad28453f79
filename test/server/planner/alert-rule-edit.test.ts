import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverDue } from '../../../server/scheduler/delivery-worker';
import { runDueRules } from '../../../server/scheduler/run-due-rules';
import { bearer, createOrgFixture, type OrgFixture, sendJson } from '../../helpers/api-fixture';
import { type AppServer, startAppServer } from '../../helpers/app-server';
import { startReceiver, type WebhookReceiver } from '../alerts/webhook-receiver';

/** Editing, pausing, words, schedule preview, digest and the team on each delivery, over real HTTP. */
let server: AppServer;
let org: OrgFixture;
let receiver: WebhookReceiver;
/** Wednesday 1 April 2026, 09:00 UTC (11:00 in Rome, summer time UTC+2). */
let now = new Date('2026-04-01T09:00:00Z');
const teamIds: Record<string, string> = {};
const base = () => `${server.url}/api/v1/orgs/edit`;
const send = (method: string, path: string, body?: unknown) =>
  sendJson(`${base()}${path}`, method, body, bearer(org.tokens.planner));
const json = async (method: string, path: string, body?: unknown) => {
  const response = await send(method, path, body);
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response.json();
};

const ruleBody = (overrides: Record<string, unknown> = {}) => ({
  name: 'Reviews wait',
  metric: 'p90WaitHours',
  comparator: '>',
  threshold: 24,
  lookaheadWeeks: 8,
  schedule: '0 8 * * 1',
  timezone: 'Europe/Rome',
  teams: [teamIds.Reviews],
  webhook: { url: receiver.url, secret: 'edit-test-secret-0123456789' },
  ...overrides,
});

beforeAll(async () => {
  server = await startAppServer({ clock: () => now });
  org = await createOrgFixture(server.database.db, 'edit');
  receiver = await startReceiver();
  for (const name of ['Reviews', 'Payments']) {
    teamIds[name] = (await json('POST', '/teams', { name, headcount: { senior: 1, mid: 2 } })).id;
  }
  const scenario = await json('POST', '/scenarios', { name: 'Plan', events: [] });
  await json('POST', `/scenarios/${scenario.id}/plan-of-record`, {});
});
afterAll(async () => {
  await receiver.close();
  await server.close();
});

describe('alert rule in words and schedule preview', () => {
  it('says the rule in plain words and lists the next five Mondays 08:00 Rome time (06:00 UTC in summer)', async () => {
    const rule = await json('POST', '/alert-rules', ruleBody());
    expect(rule.description).toBe(
      "Alert when Reviews team's p90 wait exceeds 24 h in any of the next 8 weeks (P90 forecast, pessimistic)",
    );
    expect(rule.scheduleText).toBe('Mondays at 08:00 Europe/Rome');
    expect(rule.nextRuns).toEqual([
      '2026-04-06T06:00:00.000Z',
      '2026-04-13T06:00:00.000Z',
      '2026-04-20T06:00:00.000Z',
      '2026-04-27T06:00:00.000Z',
      '2026-05-04T06:00:00.000Z',
    ]);
    expect(rule).toMatchObject({ paused: false, pausedAt: null, digest: false });
  });
});

describe('PATCH /orgs/{org}/alert-rules/{id}', () => {
  it('edits threshold, teams and schedule, and the words and next runs follow', async () => {
    const rule = await json('POST', '/alert-rules', ruleBody());
    const edited = await json('PATCH', `/alert-rules/${rule.id}`, {
      threshold: 0.85,
      metric: 'utilization',
      comparator: '>=',
      teams: [teamIds.Reviews, teamIds.Payments],
      schedule: '30 9 * * 1-5',
      timezone: 'UTC',
    });
    expect(edited.description).toBe(
      "Alert when Reviews or Payments team's utilisation reaches 85% in any of the next 8 weeks (P90 forecast, pessimistic)",
    );
    expect(edited.scheduleText).toBe('Weekdays at 09:30 UTC');
    expect(edited.nextRuns.slice(0, 3)).toEqual([
      '2026-04-01T09:30:00.000Z',
      '2026-04-02T09:30:00.000Z',
      '2026-04-03T09:30:00.000Z',
    ]);
    expect(await json('GET', `/alert-rules/${rule.id}`)).toEqual(edited);
  });

  it.each([
    [{ threshold: 'high' }, 'threshold', 'must be a number'],
    [{ timezone: 'Mars/Olympus' }, 'timezone', 'must be an IANA time zone such as Europe/Rome'],
    [{ schedule: '61 * * * *' }, 'schedule', 'Invalid value for minute: 61'],
    [{ paused: 'yes' }, 'paused', 'must be true or false'],
    [{ digest: 1 }, 'digest', 'must be true or false'],
    [{ teams: ['no-such-team'] }, 'teams[0]', 'no such team in this org'],
  ])('answers %j with problem+json naming %s, and changes nothing', async (patch, path, message) => {
    const rule = await json('POST', '/alert-rules', ruleBody());
    const response = await send('PATCH', `/alert-rules/${rule.id}`, patch);
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const problem = await response.json();
    expect(problem.errors).toContainEqual({ path, message });
    expect(await json('GET', `/alert-rules/${rule.id}`)).toEqual(rule);
  });
});

describe('pause and resume', () => {
  it('skips a paused rule when its slot is due, and resumes from the first slot after now without catching up', async () => {
    const rule = await json('POST', '/alert-rules', ruleBody({ name: 'Paused one' }));
    const paused = await json('PATCH', `/alert-rules/${rule.id}`, { paused: true });
    expect(paused).toMatchObject({ paused: true, pausedAt: now.toISOString(), nextRuns: [] });

    const forecastSource = async () => {
      throw new Error('no forecast needed: the other rules of this file may run and fail');
    };
    now = new Date('2026-04-20T12:00:00Z');
    const evaluations = await runDueRules({
      db: server.database.db,
      clock: () => now,
      forecastSource,
      holder: 'test',
      leaseMs: 60_000,
    });
    expect(evaluations.map((e) => e.ruleId)).not.toContain(rule.id);
    expect((await json('GET', `/alert-rules/${rule.id}/evaluations`)).items).toEqual([]);

    const resumed = await json('PATCH', `/alert-rules/${rule.id}`, { paused: false });
    expect(resumed).toMatchObject({ paused: false, pausedAt: null, nextRunAt: '2026-04-27T06:00:00.000Z' });
    now = new Date('2026-04-01T09:00:00Z');
  });
});

describe('deliveries name their teams', () => {
  it('sends one digest per evaluation naming both breaching teams, and the delivery log lists them', async () => {
    const rule = await json(
      'POST',
      '/alert-rules',
      ruleBody({
        name: 'Digest',
        metric: 'backlogWeeks',
        comparator: '>=',
        threshold: 0,
        teams: null,
        digest: true,
        percentile: 'P50',
        lookaheadWeeks: 4,
      }),
    );
    const evaluation = await json('POST', `/alert-rules/${rule.id}/evaluate`);
    expect(evaluation.opened).toHaveLength(2);
    const log = (await json('GET', `/alert-rules/${rule.id}/deliveries`)).items;
    expect(log).toHaveLength(1);
    expect(log[0].event).toBe('digest');
    expect(log[0].teams.map((t: { name: string }) => t.name).sort()).toEqual(['Payments', 'Reviews']);

    const before = receiver.requests.length;
    await deliverDue({
      db: server.database.db,
      clock: () => now,
      policy: { maxAttempts: 1, baseMs: 10, maxDelayMs: 10 },
      timeoutMs: 5_000,
      random: () => 0.5,
      userAgent: 'test',
    });
    const bodies = receiver.requests
      .slice(before)
      .map((r) => JSON.parse(r.body))
      .filter((body) => body.rule.id === rule.id);
    expect(bodies).toHaveLength(1);
    expect(bodies[0].type).toBe('alert.digest');
    expect(bodies[0].opened.map((a: { teamName: string }) => a.teamName).sort()).toEqual([
      'Payments',
      'Reviews',
    ]);
    expect(bodies[0].rule.description).toBe(
      "Alert when any team's backlog reaches 0 weeks of capacity in any of the next 4 weeks (P50 forecast, median)",
    );
  });

  it('names the one team in each delivery of a rule without digest', async () => {
    const rule = await json(
      'POST',
      '/alert-rules',
      ruleBody({ name: 'Per team', metric: 'backlogWeeks', comparator: '>=', threshold: 0, teams: null }),
    );
    await json('POST', `/alert-rules/${rule.id}/evaluate`);
    const log = (await json('GET', `/alert-rules/${rule.id}/deliveries`)).items;
    expect(log.map((d: { teams: { name: string }[] }) => d.teams.map((t) => t.name)).sort()).toEqual([
      ['Payments'],
      ['Reviews'],
    ]);
  });
});
