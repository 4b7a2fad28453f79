import { randomUUID } from 'node:crypto';
import type { AlertFinding } from '../../shared/contract/alerts';
import { alertEvaluations, type alertRules, type alerts } from '../db/alerts-schema';
import type { Db } from '../db/client';
import type { Tx } from '../services/audit';
import { applyFindings } from './alert-transitions';
import { evaluateCondition } from './conditions';
import type { ForecastSource } from './forecast-source';

type Rule = typeof alertRules.$inferSelect;
type Alert = typeof alerts.$inferSelect;

export interface EvaluateDeps {
  db: Db;
  forecastSource: ForecastSource;
}

/** What one evaluation found and changed; also stored in alert_evaluations. */
export interface Evaluation {
  id: string;
  ruleId: string;
  trigger: 'schedule' | 'catch-up' | 'manual';
  scheduledFor: Date | null;
  evaluatedAt: Date;
  status: 'ok' | 'error';
  error: string | null;
  source: Record<string, unknown> | null;
  findings: AlertFinding[];
  opened: Alert[];
  resolved: Alert[];
}

/**
 * Evaluates `rule` now against a fresh forecast of its org's plan of record, applies the alert
 * state changes with their outbox rows and records the evaluation, all in one transaction. A
 * forecast failure (e.g. no plan of record) is recorded as an evaluation with status `error`.
 */
export async function evaluateRule(
  deps: EvaluateDeps,
  rule: Rule,
  run: { trigger: Evaluation['trigger']; scheduledFor: Date | null; now: Date },
  /** Runs inside the transaction that records the evaluation (a job marks itself done). */
  recorded: (tx: Tx, evaluation: Evaluation) => Promise<unknown> = async () => undefined,
): Promise<Evaluation> {
  const base = { id: randomUUID(), ruleId: rule.id, ...run, evaluatedAt: run.now };
  let evaluation: Evaluation;
  try {
    const snapshot = await deps.forecastSource(rule.orgId, {
      horizonWeeks: rule.lookaheadWeeks,
      now: run.now,
    });
    const findings = evaluateCondition(snapshot.forecast, rule);
    evaluation = await deps.db.transaction(async (tx) => {
      const changes = await applyFindings(tx, rule, findings, run.now);
      const result: Evaluation = {
        ...base,
        status: 'ok',
        error: null,
        source: snapshot.source,
        findings,
        ...changes,
      };
      await tx.insert(alertEvaluations).values(record(result));
      await recorded(tx, result);
      return result;
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    evaluation = {
      ...base,
      status: 'error',
      error: message,
      source: null,
      findings: [],
      opened: [],
      resolved: [],
    };
    const failed = evaluation;
    await deps.db.transaction(async (tx) => {
      await tx.insert(alertEvaluations).values(record(failed));
      await recorded(tx, failed);
    });
  }
  return evaluation;
}

function record(e: Evaluation): typeof alertEvaluations.$inferInsert {
  return {
    id: e.id,
    ruleId: e.ruleId,
    trigger: e.trigger,
    scheduledFor: e.scheduledFor,
    evaluatedAt: e.evaluatedAt,
    status: e.status,
    error: e.error,
    source: e.source,
    findings: e.findings,
    opened: e.opened.length,
    resolved: e.resolved.length,
  };
}
