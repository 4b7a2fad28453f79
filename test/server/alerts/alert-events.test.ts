import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { alertDeliveries, alerts } from '../../../server/db/alerts-schema';
import { evaluateRule } from '../../../server/scheduler/evaluate-rule';
import type { ForecastSource } from '../../../server/scheduler/forecast-source';
import { createTempDb, type TempDatabase } from '../../helpers/temp-db';
import { forecastFixture } from './forecast-fixture';
import { insertOrg, insertRule } from './rule-fixtures';

/** P90 backlog weeks of team t1 over three weeks; the rule watches P90 backlogWeeks > 2. */
let series: number[];
const forecastSource: ForecastSource = async () => ({
  forecast: forecastFixture(3, { t1: { backlogWeeks: { p10: series, p50: series, p90: series } } }),
  source: {},
});

let database: TempDatabase;
beforeEach(async () => {
  database = await createTempDb();
});
afterEach(() => database.cleanup());

const opensAt = new Date('2026-05-04T10:00:00Z');
const resolvesAt = new Date('2026-05-04T11:00:00Z');

async function openThenResolve(format: 'json' | 'slack') {
  const rule = await insertRule(database.db, await insertOrg(database.db), { format });
  const run = (now: Date) =>
    evaluateRule({ db: database.db, forecastSource }, rule, { trigger: 'manual', scheduledFor: null, now });
  series = [1, 2.56789, 4];
  await run(opensAt);
  series = [1, 1, 1];
  await run(resolvesAt);
  const bodies = (
    await database.db.select().from(alertDeliveries).orderBy(alertDeliveries.createdAt).all()
  ).map((d) => JSON.parse(d.body));
  const [alert] = await database.db.select().from(alerts).where(eq(alerts.ruleId, rule.id)).all();
  return { bodies, alert };
}

describe('alert events', () => {
  it('records the first breaching week, its Monday and its value (not the worst week)', async () => {
    const { alert } = await openThenResolve('json');
    expect(alert).toMatchObject({
      breachWeek: 1,
      breachDate: '2026-05-11',
      value: 2.56789,
      state: 'resolved',
    });
  });

  it('sends the opened event with resolvedAt null and the resolved event with its time', async () => {
    const { bodies } = await openThenResolve('json');
    expect(bodies.map((b) => [b.type, b.alert.resolvedAt])).toEqual([
      ['alert.opened', null],
      ['alert.resolved', resolvesAt.toISOString()],
    ]);
  });

  it('words Slack messages in plain words with units, naming the team (value to 4 significant digits)', async () => {
    const { bodies } = await openThenResolve('slack');
    expect(bodies.map((b) => b.text)).toEqual([
      ':rotating_light: Backlog above two weeks: Team t1: backlog exceeds 2 weeks of capacity in the week of 2026-05-11 (P90 forecast 2.568 weeks of capacity).',
      ':white_check_mark: Backlog above two weeks: Team t1: backlog no longer exceeds 2 weeks of capacity within 8 weeks (P90 forecast).',
    ]);
  });

  it('names the team and the rule in words in every JSON event', async () => {
    const { bodies } = await openThenResolve('json');
    expect(bodies.map((b) => [b.alert.teamName, b.alert.summary])).toEqual([
      [
        'Team t1',
        'Team t1: backlog exceeds 2 weeks of capacity in the week of 2026-05-11 (P90 forecast 2.568 weeks of capacity)',
      ],
      ['Team t1', 'Team t1: backlog no longer exceeds 2 weeks of capacity within 8 weeks (P90 forecast)'],
    ]);
    expect(bodies[0].rule.description).toBe(
      "Alert when any team's backlog exceeds 2 weeks of capacity in any of the next 8 weeks (P90 forecast, pessimistic)",
    );
  });
});
