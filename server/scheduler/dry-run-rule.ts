import { TransactionRollbackError } from 'drizzle-orm';
import type { alertRules, alerts } from '../db/alerts-schema';
import { applyFindings } from './alert-transitions';
import { evaluateCondition } from './conditions';
import type { EvaluateDeps } from './evaluate-rule';

type Rule = typeof alertRules.$inferSelect;
type Alert = typeof alerts.$inferSelect;

/**
 * Evaluates `rule` against a fresh forecast of the plan of record and applies the alert state
 * changes exactly as a scheduled run would (cooldown, already open alerts), inside a transaction
 * that is then rolled back: no alert, outbox row or evaluation record survives, so nothing is
 * delivered. (The forecast itself is stored like any forecast request's.) Answers what the evaluation
 * would do now, with nothing stored, opened or sent.
 */
export async function dryRunRule(deps: EvaluateDeps, rule: Rule, now: Date) {
  const snapshot = await deps.forecastSource(rule.orgId, { horizonWeeks: rule.lookaheadWeeks, now });
  const findings = evaluateCondition(snapshot.forecast, rule);
  // Stryker disable next-line ObjectLiteral,ArrayDeclaration: always replaced inside the transaction before its rollback; any other failure is rethrown, so this value is never returned
  let changes: { opened: Alert[]; resolved: Alert[] } = { opened: [], resolved: [] };
  try {
    await deps.db.transaction(async (tx) => {
      changes = await applyFindings(tx, rule, findings, now);
      tx.rollback();
    });
  } catch (error) {
    if (!(error instanceof TransactionRollbackError)) throw error;
  }
  return {
    evaluatedAt: now,
    source: snapshot.source,
    findings,
    wouldOpen: changes.opened,
    wouldResolve: changes.resolved,
  };
}
