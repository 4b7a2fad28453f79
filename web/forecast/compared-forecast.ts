import { createResource } from 'solid-js';
import { type FieldIssue, type Forecast, type TeamAnswer, teamAnswers } from '../../shared';
import type { ForecastRun } from '../../shared/contract/forecast-run';
import { api } from '../api/client';
import type { OrgModel, ScenarioVersion } from '../api/types';
import { engineInput } from '../scenario/editor-input';
import { createForecastRunner, layoffHeadroomInWorker } from '../workers/engine-client';
import { storedReviewersNeeded } from './stored-reviewers';

/** Monte Carlo runs of the browser preview shown while a stored forecast computes (or to viewers). */
export const PREVIEW_RUNS = 100;

interface ComparedSources {
  model: OrgModel;
  version: ScenarioVersion;
  /** The org's first forecast week (its local Monday). */
  startWeek: string;
  /** The org, when the caller may run forecasts on the server (planners and admins); else null. */
  serverOrg: string | null;
}

export interface ComparedForecast {
  forecast: () => Forecast | undefined;
  /** Whether `forecast` is the stored server forecast (not the browser preview). */
  stored: () => boolean;
  /** Bands are in: the stored forecast, or the preview's Monte Carlo bands. */
  settled: () => boolean;
  /** Preview Monte Carlo progress 0-1, 1 once settled. */
  progress: () => number;
  reviewersNeeded: () => number | null;
  answers: () => TeamAnswer[] | null;
  /** What stands in for the team answers while `answers` is null: why, and whether they follow. */
  answersPending: () => string;
  /** How the team answers were made, when not as `source` says (added to it). */
  answersNote: () => string;
  issues: () => FieldIssue[];
  /** "500-run server forecast" or "100-run live preview in this browser". */
  source: () => string;
}

/**
 * A compared scenario version's forecast as the Dashboard shows it: the stored server forecast
 * (the same request, so the same run and figures) for planners and admins; until it is in, and
 * for viewers (whom the API does not let start runs), a labelled live preview in a worker of its
 * own, stopped once the stored forecast arrives.
 */
export function createComparedForecast(sources: ComparedSources): ComparedForecast {
  const { model, version, startWeek, serverOrg } = sources;
  const [run] = createResource(
    () => (serverOrg ? { slug: serverOrg, id: version.id, version: version.version } : null),
    ({ slug, id, version }) => api.forecast(slug, id, { version }),
  );
  /** Read only once ready: reading a loading resource would suspend the view and hide the preview. */
  const stored = () => (run.state === 'ready' ? run() : undefined);
  const preview = createForecastRunner(
    () => (stored() ? null : engineInput(model, version.scenario, startWeek)),
    { runs: PREVIEW_RUNS, settleMs: 0, ownWorker: true },
  );
  const failed = (): FieldIssue[] =>
    run.state === 'errored'
      ? [
          {
            path: '',
            message: `stored forecast: ${run.error instanceof Error ? run.error.message : String(run.error)}`,
          },
        ]
      : [];
  /**
   * A stored run from before runs kept per-team answers: the same answers as the server gives,
   * from the run's own bands, thresholds and reviewers needed, and each team's absorbable layoff
   * from the engine in this browser's worker.
   */
  const [computed] = createResource(
    () => {
      const run = stored();
      return run && !run.summary.teams ? run : null;
    },
    async (run: ForecastRun) => {
      const input = { ...engineInput(model, version.scenario, startWeek), options: run.options };
      const { thresholds } = run.options;
      return teamAnswers(
        run.forecast,
        thresholds,
        run.summary.reviewersNeeded,
        await layoffHeadroomInWorker(input),
      );
    },
  );
  return {
    forecast: () => stored()?.forecast ?? preview.forecast(),
    stored: () => stored() !== undefined,
    settled: () => stored() !== undefined || preview.settled(),
    progress: () => (stored() || preview.settled() ? 1 : (preview.progress() ?? 0)),
    reviewersNeeded: () => {
      const summary = stored()?.summary;
      return summary ? storedReviewersNeeded(summary) : preview.reviewersNeeded();
    },
    answers: () => {
      const run = stored();
      if (!run) return preview.answers();
      return run.summary.teams ?? (computed.state === 'ready' ? computed() : null);
    },
    answersPending: () => {
      if (!stored()) return 'Team answers follow the bands…';
      if (computed.state === 'errored')
        return `This stored forecast has no per-team answers (stored before runs kept them), and computing them in this browser failed: ${computed.error instanceof Error ? computed.error.message : String(computed.error)}`;
      return 'This stored forecast has no per-team answers (stored before runs kept them): computing them in this browser from its bands…';
    },
    answersNote: () =>
      stored() && !stored()?.summary.teams
        ? '; team answers computed in this browser from its bands (the run was stored without them)'
        : '',
    issues: () => [...failed(), ...preview.issues()],
    source: () => {
      const run = stored();
      return run
        ? `${run.options.runs}-run server forecast`
        : `${PREVIEW_RUNS}-run live preview in this browser${serverOrg ? ' (stored forecast computing)' : ''}`;
    },
  };
}
