import { createResource } from 'solid-js';
import { type FieldIssue, type TeamAnswer, teamAnswers } from '../../shared';
import { storedReviewersNeeded } from '../../shared/contract/dashboard-view';
import type { ForecastRun } from '../../shared/contract/forecast-run';
import { api } from '../api/client';
import type { OrgModel, ScenarioVersion } from '../api/types';
import { engineInput } from '../scenario/editor-input';
import { layoffHeadroomInWorker } from '../workers/engine-client';

export interface StoredSources {
  model: OrgModel;
  version: ScenarioVersion;
  /** The org's first forecast week (its local Monday). */
  startWeek: string;
  /** The org, when the caller may run forecasts on the server (planners and admins); else null. */
  serverOrg: string | null;
}

export interface StoredForecast {
  /** The version's stored server run once it is in; undefined while it computes, on failure and for viewers. */
  run: () => ForecastRun | undefined;
  reviewersNeeded: () => number | null;
  /** The run's per-team answers; null while those of a run stored without them compute here. */
  answers: () => TeamAnswer[] | null;
  /** What stands in for the team answers while `answers` is null. */
  answersPending: () => string;
  /** How the team answers were made, when not as `source` says (added to it). */
  answersNote: () => string;
  /** The request's failure, as a field issue. */
  issues: () => FieldIssue[];
  /** "500-run server forecast" (a compared forecast: or its preview's source while it computes). */
  source: () => string;
}

/**
 * A scenario version's stored server forecast, the same request as the Dashboard's (so the same
 * run and figures), for planners and admins; viewers, whom the API does not let start runs, get none.
 */
export function createStoredForecast(sources: StoredSources): StoredForecast {
  const { model, version, startWeek, serverOrg } = sources;
  const [request] = createResource(
    () => (serverOrg ? { slug: serverOrg, id: version.id, version: version.version } : null),
    ({ slug, id, version }) => api.forecast(slug, id, { version }),
  );
  /** Read only once ready: reading a loading resource would suspend the view and hide the preview. */
  const run = () => (request.state === 'ready' ? request() : undefined);
  /**
   * A stored run from before runs kept per-team answers: the same answers as the server gives,
   * from the run's own bands, thresholds and reviewers needed, and each team's absorbable layoff
   * from the engine in this browser's worker.
   */
  const [computed] = createResource(
    () => {
      const stored = run();
      return stored && !stored.summary.teams ? stored : null;
    },
    async (stored: ForecastRun) => {
      const input = { ...engineInput(model, version.scenario, startWeek), options: stored.options };
      return teamAnswers(
        stored.forecast,
        stored.options.thresholds,
        stored.summary.reviewersNeeded,
        await layoffHeadroomInWorker(input),
      );
    },
  );
  return {
    run,
    reviewersNeeded: () => {
      const summary = run()?.summary;
      return summary ? storedReviewersNeeded(summary) : null;
    },
    answers: () => run()?.summary.teams ?? (computed.state === 'ready' ? computed() : null),
    answersPending: () =>
      computed.state === 'errored'
        ? `This stored forecast has no per-team answers (stored before runs kept them), and computing them in this browser failed: ${computed.error instanceof Error ? computed.error.message : String(computed.error)}`
        : 'This stored forecast has no per-team answers (stored before runs kept them): computing them in this browser from its bands…',
    answersNote: () =>
      run() && !run()?.summary.teams
        ? '; team answers computed in this browser from its bands (the run was stored without them)'
        : '',
    issues: () =>
      request.state === 'errored'
        ? [
            {
              path: '',
              message: `stored forecast: ${request.error instanceof Error ? request.error.message : String(request.error)}`,
            },
          ]
        : [],
    source: () => {
      const stored = run();
      return stored ? `${stored.options.runs}-run server forecast` : '';
    },
  };
}
