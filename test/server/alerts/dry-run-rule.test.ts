import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { alertDeliveries, alertEvaluations, alerts } from '../../../server/db/alerts-schema';
import { dryRunRule } from '../../../server/scheduler/dry-run-rule';
import { evaluateRule } from '../../../server/scheduler/evaluate-rule';
import type { ForecastSource } from '../../../server/scheduler/forecast-source';
import { createTempDb, type TempDatabase } from '../../helpers/temp-db';
import { forecastFixture } from './forecast-fixture';
import { insertOrg, insertRule } from './rule-fixtures';

const flat = (v: number) => ({ p10: [v, v], p50: [v, v], p90: [v, v] });
/** Backlog weeks per team id for the next forecast. */
let backlog: Record<string, number>;
/** The arguments of every forecast asked for. */
let asked: Parameters<ForecastSource>[] = [];
const forecastSource: ForecastSource = async (...args) => {
  asked.push(args);
  return {
    forecast: forecastFixture(
      2,
      Object.fromEntries(Object.entries(backlog).map(([id, v]) => [id, { backlogWeeks: flat(v) }])),
    ),
    source: { scenarioId: 's1', version: 4 },
  };
};

let database: TempDatabase;
beforeEach(async () => {
  asked = [];
  database = await createTempDb();
});
afterEach(() => database.cleanup());

const now = new Date('2026-05-04T12:00:00Z');

describe('dryRunRule', () => {
  it('names the alerts it would open and resolve, and stores, opens and sends nothing', async () => {
    const rule = await insertRule(database.db, await insertOrg(database.db));
    backlog = { a: 1, b: 3 };
    await evaluateRule({ db: database.db, forecastSource }, rule, {
      trigger: 'manual',
      scheduledFor: null,
      now: new Date('2026-05-04T10:00:00Z'),
    });
    const before = {
      alerts: await database.db.select().from(alerts).all(),
      deliveries: await database.db.select().from(alertDeliveries).all(),
      evaluations: await database.db.select().from(alertEvaluations).all(),
    };
    expect(before.alerts.map((a) => [a.teamId, a.state])).toEqual([['b', 'open']]);

    backlog = { a: 3, b: 1 };
    const dry = await dryRunRule({ db: database.db, forecastSource }, rule, now);
    expect(asked.at(-1)).toEqual([rule.orgId, { horizonWeeks: 8, now }]);
    expect(dry.evaluatedAt).toEqual(now);
    expect(dry.source).toEqual({ scenarioId: 's1', version: 4 });
    expect(dry.findings.map((f) => [f.teamId, f.breached, f.week, f.value])).toEqual([
      ['a', true, 0, 3],
      ['b', false, null, null],
    ]);
    expect(dry.wouldOpen.map((a) => [a.teamId, a.state, a.openedAt])).toEqual([['a', 'open', now]]);
    expect(dry.wouldResolve.map((a) => [a.teamId, a.state, a.resolvedAt])).toEqual([['b', 'resolved', now]]);

    expect(await database.db.select().from(alerts).all()).toEqual(before.alerts);
    expect(await database.db.select().from(alertDeliveries).all()).toEqual(before.deliveries);
    expect(await database.db.select().from(alertEvaluations).all()).toEqual(before.evaluations);
  });

  it('passes on a database failure instead of reporting no changes', async () => {
    const rule = await insertRule(database.db, await insertOrg(database.db));
    backlog = { a: 3 };
    database.close();
    await expect(dryRunRule({ db: database.db, forecastSource }, rule, now)).rejects.toThrow();
  });
});
