import { randomUUID } from 'node:crypto';
import { alertRules } from '../../../server/db/alerts-schema';
import type { Db } from '../../../server/db/client';
import { orgs } from '../../../server/db/org-schema';

type RuleRow = typeof alertRules.$inferInsert;

/** Inserts an org and returns its id. */
export async function insertOrg(db: Db, slug = `org-${randomUUID().slice(0, 8)}`): Promise<string> {
  const id = randomUUID();
  await db.insert(orgs).values({ id, slug, name: slug });
  return id;
}

/** Inserts a rule (backlogWeeks P90 > 2 within 8 weeks, hourly, JSON webhook) with `overrides`. */
export async function insertRule(db: Db, orgId: string, overrides: Partial<RuleRow> = {}) {
  const [rule] = await db
    .insert(alertRules)
    .values({
      id: randomUUID(),
      orgId,
      name: 'Backlog above two weeks',
      metric: 'backlogWeeks',
      percentile: 'P90',
      comparator: '>',
      threshold: 2,
      lookaheadWeeks: 8,
      teams: null,
      schedule: '0 * * * *',
      timezone: 'UTC',
      webhookUrl: 'http://127.0.0.1:9/hook',
      webhookSecret: 'test-secret-0123456789',
      format: 'json',
      cooldownHours: 0,
      nextRunAt: new Date('2026-05-04T10:00:00Z'),
      ...overrides,
    })
    .returning();
  if (!rule) throw new Error('rule not inserted');
  return rule;
}
