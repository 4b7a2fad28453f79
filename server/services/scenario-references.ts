import { forecastInputSchema, formatIssues, type Scenario } from '../../shared/index';
import { ProblemError } from '../errors';
import type { OrgModel } from './org-model';

/**
 * Checks that every team and level the scenario's events name exists in the org (the engine's
 * own cross-check), reporting paths relative to the scenario body, e.g. `events[0].teamIds[0]`.
 */
export function checkReferences(scenario: Scenario, model: OrgModel): void {
  if (model.org.teams.length === 0) return;
  const options = { startWeek: '2026-01-05' };
  const parsed = forecastInputSchema.safeParse({ ...model, scenario, options });
  if (parsed.success) return;
  const errors = formatIssues(parsed.error)
    .filter((issue) => issue.path.startsWith('scenario.'))
    .map((issue) => ({ path: issue.path.slice('scenario.'.length), message: issue.message }));
  if (errors.length > 0) {
    throw new ProblemError(
      422,
      'Unprocessable Content',
      'The scenario names unknown teams or levels.',
      errors,
    );
  }
}
