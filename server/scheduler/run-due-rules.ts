import type { Evaluation } from './evaluate-rule';
import { type EvaluationJobsDeps, queueDueRules, runQueuedJobs } from './evaluation-jobs';

export type DueRulesDeps = EvaluationJobsDeps & {
  /** Most jobs one pass runs (default {@link jobsPerPass}); the rest wait for the next pass. */
  maxJobs?: number | undefined;
};

/** Jobs one scheduler pass runs at most by default. */
export const jobsPerPass = 16;

/**
 * One scheduler pass over the alert rules: every due slot of an active rule becomes a durable job
 * (queued once however many processes share the database; a missed run of slots is caught up
 * once), then up to `maxJobs` jobs nobody runs are evaluated, including those a dead process
 * left running once its claim has expired. Resolves with the evaluations this pass recorded.
 */
export async function runDueRules(deps: DueRulesDeps): Promise<Evaluation[]> {
  await queueDueRules(deps);
  return runQueuedJobs(deps, deps.maxJobs ?? jobsPerPass);
}
