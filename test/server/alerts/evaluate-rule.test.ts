import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { alertDeliveries, alertEvaluations, alerts } from '../../../server/db/alerts-schema';
import { evaluateRule } from '../../../server/scheduler/evaluate-rule';
import type { ForecastSource } from '../../../server/scheduler/forecast-source';
import { createTempDb, type TempDatabase } from '../../helpers/temp-db';
import { forecastFixture } from './forecast-fixture';
import { insertOrg, insertRule } from './rule-fixtures';

const flat = (v: number) => ({ p10: [v, v], p50: [v, v], p90: [v, v] });
/** Backlog weeks per team id for the next evaluation. */
let backlog: Record<string, number>;
const forecastSource: ForecastSource = async () => ({
  forecast: forecastFixture(
    2,
    Object.fromEntries(Object.entries(backlog).map(([id, v]) => [id, { backlogWeeks: flat(v) }])),
  ),
  source: { scenarioId: 's1', version: 3 },
});

let database: TempDatabase;
beforeEach(async () => {
  database = await createTempDb();
});
afterEach(() => database.cleanup());

const hour = 3_600_000;
const at = (hours: number) => new Date(Date.UTC(2026, 4, 4, 10) + hours * hour);
const evaluate = (rule: Awaited<ReturnType<typeof insertRule>>, hours: number) =>
  evaluateRule({ db: database.db, forecastSource }, rule, {
    trigger: 'schedule',
    scheduledFor: at(hours),
    now: at(hours),
  });

describe('evaluateRule', () => {
  it('opens an alert once per rule and team, resolves it when the condition clears, delivering both', async () => {
    const rule = await insertRule(database.db, await insertOrg(database.db));
    backlog = { a: 3, b: 1 };
    const first = await evaluate(rule, 0);
    expect(first.opened.map((a) => a.teamId)).toEqual(['a']);
    expect((await evaluate(rule, 1)).opened).toEqual([]);
    backlog = { a: 1, b: 1 };
    const third = await evaluate(rule, 2);
    expect(third.resolved.map((a) => [a.teamId, a.state])).toEqual([['a', 'resolved']]);
    expect((await evaluate(rule, 3)).resolved).toEqual([]);

    const outbox = await database.db.select().from(alertDeliveries).orderBy(alertDeliveries.createdAt).all();
    expect(outbox.map((d) => d.event).sort()).toEqual(['opened', 'resolved']);
    expect(outbox.map((d) => JSON.parse(d.body).type).sort()).toEqual(['alert.opened', 'alert.resolved']);
    const history = await database.db.select().from(alerts).all();
    expect(history).toMatchObject([{ teamId: 'a', state: 'resolved', resolvedAt: at(2), openedAt: at(0) }]);
  });

  it('records every evaluation with its findings and forecast source', async () => {
    const rule = await insertRule(database.db, await insertOrg(database.db));
    backlog = { a: 3 };
    await evaluate(rule, 0);
    await evaluate(rule, 1);
    const rows = await database.db
      .select()
      .from(alertEvaluations)
      .orderBy(alertEvaluations.evaluatedAt)
      .all();
    expect(rows.map((r) => [r.status, r.opened, r.resolved])).toEqual([
      ['ok', 1, 0],
      ['ok', 0, 0],
    ]);
    expect(rows[0]?.source).toEqual({ scenarioId: 's1', version: 3 });
    expect(rows[0]?.findings).toMatchObject([{ teamId: 'a', breached: true, week: 0, value: 3 }]);
  });

  it('does not reopen within the cooldown after a resolve, and reopens after it', async () => {
    const rule = await insertRule(database.db, await insertOrg(database.db), { cooldownHours: 6 });
    backlog = { a: 3 };
    await evaluate(rule, 0);
    backlog = { a: 1 };
    await evaluate(rule, 1);
    backlog = { a: 3 };
    expect((await evaluate(rule, 5)).opened).toEqual([]);
    expect((await evaluate(rule, 8)).opened.map((a) => a.teamId)).toEqual(['a']);
  });

  it('records a failed forecast as an evaluation error and changes nothing', async () => {
    const rule = await insertRule(database.db, await insertOrg(database.db));
    const failing: ForecastSource = async () => {
      throw new Error('the org has no plan of record');
    };
    const result = await evaluateRule({ db: database.db, forecastSource: failing }, rule, {
      trigger: 'manual',
      scheduledFor: null,
      now: at(0),
    });
    expect(result).toMatchObject({ status: 'error', error: 'the org has no plan of record', findings: [] });
    expect(await database.db.select().from(alertEvaluations).all()).toMatchObject([{ status: 'error' }]);
    expect(await database.db.select().from(alertDeliveries).all()).toEqual([]);
  });
});
